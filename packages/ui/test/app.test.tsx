// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/App.js';
import { setFetch } from '../src/api.js';
import { fakeFetch, record, rotaRecord, runningJob, scenario } from './fixtures.js';
import type { Pin } from '../src/types.js';

afterEach(cleanup);

function serve() {
  let pins: Pin[] = [...scenario.pins!];
  let rec = record;
  return fakeFetch({
    'GET /v1/scenarios': () => ({ status: 200, body: { items: [{ id: 'sc1', name: 'Test town', version: 3, startDate: scenario.startDate, days: 7, officerCount: 3, hotspotCount: 2, updatedAt: '' }] } }),
    'GET /v1/scenarios/sc1': () => ({ status: 200, body: rec }),
    'GET /v1/scenarios/sc1/rotas': () => ({ status: 200, body: { items: [{ id: 'r1', createdAt: '2025-10-01' }, { id: 'r2', createdAt: '2025-10-02T10:00:00Z' }] } }),
    'GET /v1/rotas/r2': () => ({ status: 200, body: rotaRecord }),
    'POST /v1/rotas/r2/pins': ({ body }) => {
      pins = [...pins, body as Pin];
      return { status: 200, body: { pins } };
    },
    'POST /v1/scenarios/sc1/officers/o1/abstractions': ({ body }) => {
      const a = body as { kind: 'sick'; start: string; end: string };
      rec = { ...rec, version: rec.version + 1, scenario: { ...rec.scenario, officers: rec.scenario.officers.map((o) => (o.id === 'o1' ? { ...o, abstractions: [a] } : o)) } };
      return { status: 200, body: rec };
    },
    'POST /v1/rotas/r2/publish': () => ({ status: 200, body: { ...rotaRecord, status: 'published' } }),
    'POST /v1/scenarios/sc1/solves': () => ({ status: 202, body: { ...runningJob, status: 'queued', progress: null } }),
    'GET /v1/solves/j1': () => ({ status: 200, body: runningJob }),
    'DELETE /v1/solves/j1': () => ({ status: 200, body: { ...runningJob, status: 'cancelled', rotaId: 'r2', result: { status: 'timeLimit', objective: 40.25, bound: 50, gap: 0.195, seconds: 4, hardViolations: 0 } } }),
  });
}

const cell = (officer: string, date: string) => document.querySelector<HTMLElement>(`td[data-officer="${officer}"][data-date="${date}"]`)!;

describe('App against a fake API', () => {
  beforeEach(() => window.history.replaceState(null, '', '#scenario=sc1'));

  it('opens the scenario from the URL with its latest rota, coverage and findings', async () => {
    setFetch(serve().impl);
    render(<App />);
    expect(await screen.findByRole('grid', { name: 'Rota by officer' })).toBeInTheDocument();
    expect(await screen.findByTestId('rota-stats')).toHaveTextContent('5 of 12 CHI days (42 %)');
    expect(screen.getByRole('grid', { name: 'Coverage heatmap' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Findings' })).toBeInTheDocument();
    expect(screen.getByTestId('diff-summary')).toHaveTextContent('1 added, 1 removed');
    expect(window.location.hash).toBe('#scenario=sc1&rota=r2');
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', '/v1/rotas/r2/export.csv?view=rota');
    expect(screen.getByRole('link', { name: 'iCalendar link for PC Amir Khan' }).getAttribute('href')).toMatch(/\/v1\/officers\/o1\/duties\.ics\?rota=r2$/);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('by hotspot'));
    expect(screen.getByRole('grid', { name: 'Rota by hotspot' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Publish rota' }));
    expect(await screen.findByText('Rota published.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Published' })).toBeDisabled();
  });

  it('pins a cell from its menu, by mouse and by keyboard', async () => {
    const api = serve();
    setFetch(api.impl);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByTestId('rota-stats');
    await user.click(cell('o1', '2025-11-04'));
    const menu = screen.getByRole('menu', { name: 'PC Amir Khan, Tue 4 Nov' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual([
      'Pin on Early (keep)', 'Pin off Early', 'Pin on Late', 'Pin off Late (keep off)', 'Mark sick or on leave…',
    ]);
    expect(within(menu).getByRole('menuitem', { name: 'Pin on Early (keep)' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/v1/rotas/r2/pins', body: { officerId: 'o1', shiftId: 'E@2025-11-04', kind: 'on' } });
    expect(await screen.findByText(/Pinned on. Re-solve to apply it./)).toBeInTheDocument();
    expect(cell('o1', '2025-11-04').querySelector('.chip')).toHaveClass('pinned');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(cell('o1', '2025-11-04')).toHaveFocus();

    // keyboard: Enter opens, arrows move, Escape closes and focus returns to the cell
    await user.keyboard('{ArrowDown}{Enter}');
    const menu2 = screen.getByRole('menu', { name: 'PS Beth Jones, Tue 4 Nov' });
    await user.keyboard('{ArrowDown}');
    expect(within(menu2).getByRole('menuitem', { name: 'Pin off Early (keep off)' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(cell('o2', '2025-11-04')).toHaveFocus();

    // unpin is offered on a pinned shift
    await user.click(cell('o1', '2025-11-03'));
    expect(screen.getByRole('menuitem', { name: 'Unpin Early (pinned on)' })).toBeInTheDocument();
  });

  it('marks an officer sick for some days from a cell', async () => {
    const api = serve();
    setFetch(api.impl);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByTestId('rota-stats');
    await user.click(cell('o1', '2025-11-05'));
    await user.click(screen.getByRole('menuitem', { name: 'Mark sick or on leave…' }));
    const form = screen.getByRole('dialog', { name: 'Mark an officer unavailable' });
    expect(within(form).getByLabelText('Officer')).toHaveValue('o1');
    const last = within(form).getByLabelText('Last day');
    await user.clear(last);
    await user.type(last, '2025-11-06');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Marked sick. Re-solve to move the duties./)).toBeInTheDocument();
    expect(api.calls.find((c) => c.path.endsWith('/abstractions'))!.body).toEqual({ kind: 'sick', start: '2025-11-05', end: '2025-11-07' });
    expect(cell('o1', '2025-11-05')).toHaveClass('abs-sick');
    expect(cell('o1', '2025-11-06')).toHaveClass('abs-sick');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a long solve’s progress with best-so-far objective and gap, and cancels it', async () => {
    const api = serve();
    setFetch(api.impl);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByTestId('rota-stats');
    await user.click(screen.getByRole('button', { name: 'Solve afresh' }));
    const bar = await screen.findByRole('progressbar', { name: 'Solve progress' }, { timeout: 3000 });
    await screen.findByText(/best so far 40.3 · bound 50 · gap 19.5 %/, {}, { timeout: 3000 });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('aria-valuetext', expect.stringContaining('gap 19.5 %'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/Cancelled; showing the best rota so far \(timeLimit, 0 hard-rule breaches\)/)).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path === '/v1/solves/j1')).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
