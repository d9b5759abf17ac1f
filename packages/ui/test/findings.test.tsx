// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FindingsPanel, groupFindings } from '../src/components/FindingsPanel.js';
import { RotaGrid } from '../src/components/RotaGrid.js';
import { CoverageHeatmap } from '../src/components/CoverageHeatmap.js';
import { highlightOf } from '../src/model.js';
import type { Finding } from '../src/types.js';
import { findings, rotaRecord, scenario } from './fixtures.js';

afterEach(cleanup);

/** The rota view's wiring: a selected finding lights cells in the grid and the heatmap. */
function Harness() {
  const [selected, setSelected] = useState<Finding | null>(null);
  const h = highlightOf(selected);
  return (
    <>
      <RotaGrid scenario={scenario} rota={rotaRecord.rota} pins={[]} highlight={h} />
      <CoverageHeatmap scenario={scenario} coverage={rotaRecord.evaluation.coverage} highlight={h} />
      <FindingsPanel findings={findings} selected={selected} onSelect={setSelected} />
    </>
  );
}

const lit = () => Array.from(document.querySelectorAll('.rota-grid td.lit')).map((td) => `${(td as HTMLElement).dataset.officer}|${(td as HTMLElement).dataset.date}`);

describe('FindingsPanel', () => {
  it('shows every finding as a sentence, grouped by rule, broken hard rules first', () => {
    render(<FindingsPanel findings={findings} selected={null} onSelect={() => {}} />);
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups[0]).toMatch(/^Minimum rest hard 1, 1 broken/);
    expect(groups[1]).toMatch(/^Minimum cover hard 1/);
    expect(groups[2]).toMatch(/^Harm coverage soft 1/);
    expect(screen.getByText(/3 findings from 3 rules; 1 hard-rule breaches/)).toBeInTheDocument();
    for (const f of findings) expect(screen.getByRole('button', { name: new RegExp(f.message.slice(0, 20)) })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /PC Amir Khan gets 8 h rest/ })).toHaveTextContent('Breach');
  });

  it('groupFindings orders breaches within a group first', () => {
    const more: Finding[] = [
      { ...findings[1]!, violation: false, message: 'ok' },
      findings[1]!,
    ];
    expect(groupFindings(more)[0]!.items[0]!.violation).toBe(true);
  });

  it('selecting a finding highlights its cells in the grid; selecting again clears', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(lit()).toEqual([]);
    const rest = screen.getByRole('button', { name: /PC Amir Khan gets 8 h rest/ });
    await user.click(rest);
    expect(rest).toHaveAttribute('aria-pressed', 'true');
    expect(lit()).toEqual(['o1|2025-11-04']);
    expect(document.querySelector('td[data-officer="o1"][data-date="2025-11-04"]')).toHaveAttribute('aria-selected', 'true');

    // a hotspot finding lights that hotspot's row in the heatmap
    await user.click(screen.getByRole('button', { name: /High Street: 3 of 10/ }));
    expect(rest).toHaveAttribute('aria-pressed', 'false');
    expect(lit()).toEqual([]);
    const heat = screen.getByRole('grid', { name: 'Coverage heatmap' });
    const row = within(heat).getByRole('rowheader', { name: 'High Street' }).closest('tr')!;
    expect(row).toHaveClass('lit-row');
    expect(row.querySelectorAll('td.lit').length).toBe(16);

    // a shift finding lights the officers on that shift
    await user.click(screen.getByRole('button', { name: /Fri 7 Nov Night/ }));
    expect(lit()).toEqual(['o3|2025-11-07']);
    await user.click(screen.getByRole('button', { name: /Fri 7 Nov Night/ }));
    expect(lit()).toEqual([]);
  });
});
