// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RotaGrid } from '../src/components/RotaGrid.js';
import { HotspotGrid } from '../src/components/HotspotGrid.js';
import { emptyHighlight } from '../src/model.js';
import { rotaRecord, scenario } from './fixtures.js';

afterEach(cleanup);

const cell = (officer: string, date: string) => document.querySelector<HTMLElement>(`td[data-officer="${officer}"][data-date="${date}"]`)!;

describe('RotaGrid (officers × days)', () => {
  const renderGrid = (onCell = vi.fn()) =>
    render(<RotaGrid scenario={scenario} rota={rotaRecord.rota} pins={scenario.pins!} diff={rotaRecord.diff} highlight={emptyHighlight()} onCell={onCell} />);

  it('has a row per officer and a column per day', () => {
    renderGrid();
    const grid = screen.getByRole('grid', { name: 'Rota by officer' });
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      expect.stringContaining('PC Amir Khan'),
      expect.stringContaining('PS Beth Jones'),
      expect.stringContaining('PCSO Cara Lee'),
    ]);
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(1 + 7);
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(3 * 7);
  });

  it('shows a chip per shift in the shift type colour', () => {
    renderGrid();
    const chip = cell('o1', '2025-11-04').querySelector<HTMLElement>('.chip')!;
    expect(chip).toHaveTextContent('E');
    expect(chip.style.background).toBe('rgb(43, 108, 176)');
    expect(chip.style.color).toBe('rgb(255, 255, 255)');
    // a light colour gets dark text
    const late = cell('o2', '2025-11-03').querySelector<HTMLElement>('.chip')!;
    expect(late).toHaveTextContent('L');
    expect(late.style.color).toBe('rgb(17, 17, 17)');
    expect(cell('o1', '2025-11-05').querySelector('.chip')).toBeNull();
    expect(cell('o1', '2025-11-05')).toHaveAccessibleName('PC Amir Khan, Wed 5 Nov: rest day');
  });

  it('shades abstractions (end exclusive) and names them', () => {
    renderGrid();
    expect(cell('o2', '2025-11-04')).not.toHaveClass('abs');
    expect(cell('o2', '2025-11-05')).toHaveClass('abs', 'abs-sick');
    expect(cell('o2', '2025-11-06')).toHaveClass('abs');
    expect(cell('o2', '2025-11-07')).not.toHaveClass('abs');
    expect(cell('o2', '2025-11-05')).toHaveAccessibleName(expect.stringContaining('sick'));
  });

  it('marks pinned-on and pinned-off cells', () => {
    renderGrid();
    expect(cell('o1', '2025-11-03').querySelector('.chip')).toHaveClass('pinned');
    expect(cell('o1', '2025-11-03')).toHaveAccessibleName(expect.stringContaining('Early 07:00–15:00, pinned'));
    expect(cell('o1', '2025-11-04').querySelector('.chip')).not.toHaveClass('pinned');
    expect(cell('o3', '2025-11-04').querySelector('.pin-off')).toHaveTextContent('L');
    expect(cell('o3', '2025-11-04')).toHaveAccessibleName(expect.stringContaining('pinned off Late'));
  });

  it('highlights what a re-solve changed', () => {
    renderGrid();
    expect(cell('o3', '2025-11-05').querySelector('.chip')).toHaveClass('added');
    expect(cell('o2', '2025-11-05').querySelector('.chip.removed')).toHaveTextContent('L');
    expect(cell('o2', '2025-11-05')).toHaveAccessibleName(expect.stringContaining('removed Late'));
  });

  it('opens a cell by click, Enter or Space, and moves with the arrow keys', async () => {
    const onCell = vi.fn();
    const user = userEvent.setup();
    renderGrid(onCell);
    const first = cell('o1', '2025-11-03');
    expect(first).toHaveAttribute('tabindex', '0');
    expect(cell('o1', '2025-11-04')).toHaveAttribute('tabindex', '-1');
    await user.click(cell('o2', '2025-11-04'));
    expect(onCell).toHaveBeenLastCalledWith('o2', '2025-11-04', expect.any(HTMLElement));
    first.focus();
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(cell('o2', '2025-11-04')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onCell).toHaveBeenCalledTimes(2);
    await user.keyboard('{End}');
    expect(cell('o2', '2025-11-09')).toHaveFocus();
    await user.keyboard(' ');
    expect(onCell).toHaveBeenLastCalledWith('o2', '2025-11-09', expect.any(HTMLElement));
  });
});

describe('HotspotGrid (hotspot × shift)', () => {
  it('shows officer-hours deployed against forecast harm', () => {
    render(<HotspotGrid scenario={scenario} rota={rotaRecord.rota} coverage={rotaRecord.evaluation.coverage} highlight={emptyHighlight()} />);
    const grid = screen.getByRole('grid', { name: 'Rota by hotspot' });
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['High Street', 'Warrior Square']);
    const monday = within(grid).getAllByRole('gridcell')[0]!;
    expect(monday).toHaveAccessibleName(
      'High Street, Mon 3 Nov: Early: 2 officer-hours against 4 CHI days; Late: 0 officer-hours against 6 CHI days',
    );
    expect(monday.querySelector('.hline.uncovered')).toHaveTextContent('L 0/6');
  });
});
