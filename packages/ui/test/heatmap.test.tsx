// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CoverageHeatmap, heatColour } from '../src/components/CoverageHeatmap.js';
import { emptyHighlight } from '../src/model.js';
import { rotaRecord, scenario } from './fixtures.js';

afterEach(cleanup);

const heat = (hotspot: string, shift: string) => document.querySelector<HTMLElement>(`td[data-hotspot="${hotspot}"][data-shift="${shift}"]`)!;
/** jsdom serialises hsl() as rgb(): darker = smaller channel sum. */
const lightness = (el: HTMLElement) => (el.style.backgroundColor.match(/\d+/g) ?? []).slice(0, 3).reduce((a, b) => a + Number(b), 0);

describe('CoverageHeatmap', () => {
  const renderHeat = () => render(<CoverageHeatmap scenario={scenario} coverage={rotaRecord.evaluation.coverage} highlight={emptyHighlight()} />);

  it('has a cell per hotspot and shift, days grouping their shifts', () => {
    renderHeat();
    const grid = screen.getByRole('grid', { name: 'Coverage heatmap' });
    // 7 days × (E, L) + Fri and Sat nights
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(2 * (7 * 2 + 2));
    expect(within(grid).getByRole('columnheader', { name: 'Fri 7 Nov' })).toHaveAttribute('colspan', '3');
  });

  it('colours cells by unmet harm: the worst darkest, fully covered ones green', () => {
    renderHeat();
    const worst = heat('hs', 'L@2025-11-03');
    const some = heat('hs', 'E@2025-11-03');
    const none = heat('ws', 'L@2025-11-03');
    expect(lightness(worst)).toBeLessThan(lightness(some));
    expect(none.style.background).toBe(heat('ws', 'E@2025-11-05').style.background); // covered == no harm: both green
  });

  it('shows the numbers on focus and on hover', async () => {
    const user = userEvent.setup();
    renderHeat();
    const detail = screen.getByTestId('heat-detail');
    expect(detail).toHaveTextContent('Hover over or focus a cell');
    act(() => heat('hs', 'E@2025-11-03').focus());
    expect(detail).toHaveTextContent('High Street, Mon 3 Nov Early: forecast 4 CHI days, covered 3 (75 %), unmet 1; 2 officer-hours');
    await user.keyboard('{ArrowRight}');
    expect(heat('hs', 'L@2025-11-03')).toHaveFocus();
    expect(detail).toHaveTextContent('unmet 6');
    fireEvent.mouseEnter(heat('ws', 'L@2025-11-03'));
    expect(detail).toHaveTextContent('Warrior Square, Mon 3 Nov Late: forecast 2 CHI days, covered 2 (100 %), unmet 0; 1.5 officer-hours');
    expect(heat('ws', 'E@2025-11-04')).toHaveAttribute('title', 'Warrior Square, Tue 4 Nov Early: no forecast harm');
  });

  it('heatColour grows darker and redder with unmet harm', () => {
    const l = (s: string) => Number(/(\d+)%\)$/.exec(s)![1]);
    expect(l(heatColour(1, 4))).toBeGreaterThan(l(heatColour(3, 4)));
    expect(heatColour(0, 4)).toBe(heatColour(0, 0));
  });
});
