// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { niceTicks, WhatIfChart } from '../src/components/WhatIfChart.js';
import { MarginalTable } from '../src/components/MarginalTable.js';
import { WhatIfResultView } from '../src/components/WhatIfResultView.js';
import { ScenarioCompare } from '../src/components/ScenarioCompare.js';
import { WhatIfPanel } from '../src/components/WhatIfPanel.js';
import { setFetch } from '../src/api.js';
import { fakeFetch, run, scenario, whatIf } from './fixtures.js';
import type { WhatIfRun } from '../src/types.js';

afterEach(cleanup);

const coords = (poly: Element) => poly.getAttribute('points')!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);

describe('WhatIfChart (hand-written SVG)', () => {
  it('draws harm covered and overtime cost against extra officers', () => {
    render(<WhatIfChart points={[...whatIf.curve].reverse()} unit="CHI days" />);
    const svg = screen.getByRole('img', { name: /Harm covered and overtime cost by extra officers/ });
    expect(svg).toHaveAccessibleDescription(/From \+0 to \+3 officers harm covered goes from 100 to 124 CHI days; overtime cost from 12 to 4/);
    const harm = coords(svg.querySelector('polyline.series.harm')!);
    const cost = coords(svg.querySelector('polyline.series.cost')!);
    expect(harm).toHaveLength(4);
    expect(cost).toHaveLength(4);
    // x grows with officers (points sorted), harm rises (y falls in SVG), cost falls (y rises)
    for (let i = 1; i < 4; i++) {
      expect(harm[i]![0]).toBeGreaterThan(harm[i - 1]![0]);
      expect(harm[i]![1]).toBeLessThan(harm[i - 1]![1]);
      expect(cost[i]![1]).toBeGreaterThan(cost[i - 1]![1]);
    }
    expect(svg.querySelectorAll('circle.point.harm')).toHaveLength(4);
    expect(svg.querySelector('circle[data-n="2"] title')).toHaveTextContent('+2 officers: 120 CHI days covered');
    expect(within(svg as unknown as HTMLElement).getByText('extra officers')).toBeInTheDocument();
    expect(within(svg as unknown as HTMLElement).getByText('harm covered (CHI days)')).toBeInTheDocument();
    expect(within(svg as unknown as HTMLElement).getByText('+3')).toBeInTheDocument();
  });

  it('copes with one point and flat curves', () => {
    render(<WhatIfChart points={[{ extraOfficers: 0, harmCovered: 5, unmetHarm: 0, overtimeCost: 0, objective: 5, gap: 0 }]} unit="h" />);
    const d = coords(document.querySelector('polyline.series.harm')!);
    expect(d[0]!.every(Number.isFinite)).toBe(true);
  });

  it('niceTicks covers the range with round steps', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(97, 126)).toEqual([90, 100, 110, 120, 130]);
    expect(niceTicks(0.2, 0.9)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});

describe('MarginalTable', () => {
  it('ranks where one more officer buys the most, confirmed gain first', () => {
    render(<MarginalTable rows={whatIf.marginal} scenario={scenario} unit="CHI days" />);
    const table = screen.getByRole('table', { name: /Where one more officer buys the most/ });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent).concat(within(r).getByRole('rowheader').textContent!));
    expect(rows).toEqual([
      ['1', 'High Street', '7', '8.25', 'Late'],
      ['2', 'any', '4', 'not confirmed', 'Night'],
      ['3', 'Warrior Square', '9', '2.5', 'Early'],
    ]);
    expect(within(table).getAllByRole('row')[1]).toHaveClass('best');
  });
});

describe('What-if results and comparison', () => {
  it('shows the curve as a table next to the chart', () => {
    render(<WhatIfResultView run={run('a', '+3 PC, 40 h/week')} />);
    const curve = screen.getByRole('table', { name: /Harm covered and cost by extra officers/ });
    const gains = within(curve).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]!.textContent);
    expect(gains).toEqual(['–', '12', '8', '4']);
  });

  it('compares two scenarios side by side', () => {
    const cheaper = { ...whatIf, curve: whatIf.curve.map((p) => ({ ...p, harmCovered: p.harmCovered + p.extraOfficers * 2, overtimeCost: p.overtimeCost / 2 })) };
    render(<ScenarioCompare a={run('a', '+3 PC')} b={run('b', '+3 PCSO', cheaper)} />);
    expect(screen.getAllByRole('img')).toHaveLength(2);
    const table = screen.getByTestId('compare-table');
    const row = (name: RegExp) => within(within(table).getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(row(/with the extra officers/)).toEqual(['124', '130', '6']);
    expect(row(/per extra officer/)).toEqual(['8', '10', '2']);
    expect(row(/Overtime cost/)).toEqual(['4', '2', '-2']);
    expect(row(/buys most on/)).toEqual(['Late at High Street', 'Late at High Street', '']);
  });

  it('runs a what-if against the API and offers to compare runs', async () => {
    const api = fakeFetch({ 'POST /v1/scenarios/sc1/what-if': () => ({ status: 200, body: whatIf }) });
    setFetch(api.impl);
    const user = userEvent.setup();
    const runs: WhatIfRun[] = [];
    const { rerender } = render(<WhatIfPanel scenarioId="sc1" scenario={scenario} runs={runs} onRun={(r) => runs.push(r)} />);
    await user.clear(screen.getByLabelText('Extra officers'));
    await user.type(screen.getByLabelText('Extra officers'), '2');
    await user.selectOptions(screen.getByLabelText('Rank'), 'PCSO');
    await user.type(screen.getByLabelText('Skills (comma-separated)'), 'first-aid, driver');
    await user.clear(screen.getByLabelText('Contract hours/week'));
    await user.type(screen.getByLabelText('Contract hours/week'), '37');
    await user.click(screen.getByRole('button', { name: 'Run what-if' }));
    await screen.findByRole('heading', { name: /^\+2 PCSO/ });
    expect(api.calls[0]!.body).toEqual({ extraOfficers: 2, profile: { rank: 'PCSO', skills: ['first-aid', 'driver'], contractMinutesPerWeek: 2220 }, timeLimitSeconds: 20 });
    expect(runs[0]!.label).toBe('+2 PCSO (first-aid, driver), 37 h/week');
    runs.push(run('z', '+5 PC'));
    rerender(<WhatIfPanel scenarioId="sc1" scenario={scenario} runs={[...runs]} onRun={(r) => runs.push(r)} />);
    await user.selectOptions(screen.getByLabelText('Compare A'), runs[0]!.id);
    await user.selectOptions(screen.getByLabelText('Compare B'), 'z');
    expect(screen.getByRole('heading', { name: 'Compare scenarios' })).toBeInTheDocument();
  });
});
