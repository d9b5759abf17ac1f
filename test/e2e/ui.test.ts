/**
 * The rota UI end to end, in a real browser (Debian's /usr/bin/chromium driven by playwright-core;
 * no browser is downloaded), against the real API server started from packages/api/src/main.ts on
 * a temporary database and a free port, after building the UI with vite.
 *
 * Flow: load the Southend example → solve → grid and coverage → pin a cell and re-solve (the pin
 * holds) → mark an officer sick and re-solve (their duties move) → what-if → download the CSV.
 * Screenshots of the main views go to test/e2e/screenshots/ (gitignored).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(ROOT, 'test/e2e/screenshots');
const UI = path.join(ROOT, 'packages/ui');
const EXAMPLE = path.join(ROOT, 'examples/southend.json');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] skipping the browser suite: ${CHROMIUM} is missing (install Debian's chromium package).`);

const SOLVE_SECONDS = 30;
const RESOLVE_SECONDS = 25;
const LONG = 240_000;

interface ExampleScenario {
  startDate: string;
  days: number;
  officers: { id: string; name: string; rank: string; abstractions: { start: string; end: string }[] }[];
  shiftTypes: { id: string; name: string }[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, output: () => string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the API server exited (${server.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API server did not answer /health within ${ms} ms:\n${output()}`);
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('rota UI in a real browser', () => {
  let server: ChildProcess;
  let serverOutput = '';
  let browser: Browser;
  let page: Page;
  let base = '';
  let tmp = '';
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ExampleScenario;
  const typeName = new Map(example.shiftTypes.map((t) => [t.id, t.name]));
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  const rotaIdInUrl = () => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('rota');
  const cell = (officerId: string, date: string) => page.locator(`td[data-officer="${officerId}"][data-date="${date}"]`);
  /** Live chips (not the ghosts of removed duties) per officer → list of shift ids. */
  const chipsByOfficer = () =>
    page.$$eval('.rota-grid td[data-officer]', (tds) => {
      const out: Record<string, string[]> = {};
      for (const td of tds as HTMLElement[]) {
        const shifts = Array.from(td.querySelectorAll('.chip:not(.removed)')).map((c) => (c as HTMLElement).dataset.shift!);
        (out[td.dataset.officer!] ??= []).push(...shifts);
      }
      return out;
    });
  /** Click Re-solve and wait for the new rota to be shown (or fail with the problem the UI shows). */
  const resolveAndWait = async () => {
    const before = rotaIdInUrl();
    await page.getByLabel('Time limit (s)').fill(String(RESOLVE_SECONDS));
    await page.getByRole('button', { name: 'Re-solve with minimal changes' }).click();
    const outcome = await Promise.race([
      page.waitForFunction((id) => new URLSearchParams(location.hash.slice(1)).get('rota') !== id, before, { timeout: LONG }).then(() => 'ok'),
      page.locator('.messages .issue-summary').waitFor({ timeout: LONG }).then(async () => `the re-solve failed: ${await page.locator('.messages .issue-summary').textContent()}`),
    ]).catch(async (err: Error) => `${err.message}; progress: ${await page.getByTestId('solve-progress').textContent().catch(() => 'none')}`);
    if (outcome !== 'ok') throw new Error(outcome);
    await page.getByTestId('diff-summary').waitFor();
    return rotaIdInUrl()!;
  };
  const apiRota = async (rotaId: string) =>
    (await (await fetch(`${base}/v1/rotas/${rotaId}`)).json()) as { rota: { assignments: { officerId: string; shiftId: string; pinned?: boolean }[] }; diff?: { added: unknown[]; removed: unknown[] } };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    execFileSync(process.execPath, [path.join(UI, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: UI, stdio: 'pipe' });
    tmp = mkdtempSync(path.join(tmpdir(), 'patrolplan-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    server = spawn(process.execPath, [tsx, 'packages/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PATROLPLAN_DB: path.join(tmp, 'patrolplan.db'),
        PATROLPLAN_AUTH: 'local',
        PATROLPLAN_SEED: EXAMPLE,
        PATROLPLAN_UI_DIST: path.join(UI, 'dist'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (serverOutput += d));
    server.stderr!.on('data', (d) => (serverOutput += d));
    await waitForHealth(base, server, () => serverOutput);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (err) => console.error('[browser]', err.message));
    page.on('response', (res) => {
      if (res.status() >= 400) console.error('[http]', res.request().method(), res.url(), res.status());
    });
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail' || !page) return;
    const name = `failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`;
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true }).catch(() => {});
    console.error(`[e2e] "${ctx.task.name}" failed; screenshot ${name}.png; server output:\n${serverOutput.slice(-4000)}`);
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('loads the Southend example, solves it, and shows the grid, coverage and findings', async () => {
    await page.goto(base);
    // The server seeds the Southend example into its empty database; import the file if it did not.
    const picker = page.getByLabel('Scenario', { exact: true });
    const southend = picker.locator('option', { hasText: 'Southend' });
    const seeded = await expect.poll(() => southend.count(), { timeout: 15_000 }).toBeGreaterThan(0).then(() => true, () => false);
    if (seeded) await picker.selectOption({ label: (await southend.first().textContent())! });
    else await page.getByLabel('Import scenario (JSON)').setInputFiles(EXAMPLE);
    const grid = page.getByRole('grid', { name: 'Rota by officer' });
    await grid.waitFor();
    expect(await grid.getByRole('rowheader').count()).toBe(example.officers.length);
    expect(await grid.getByRole('columnheader').count()).toBe(example.days + 1);

    await page.getByLabel('Time limit (s)').fill(String(SOLVE_SECONDS));
    await page.getByRole('button', { name: /^Solve/ }).click();
    const progress = page.getByRole('progressbar', { name: 'Solve progress' });
    await progress.waitFor({ timeout: 30_000 });
    await shot('solve-progress');
    await page.getByTestId('rota-stats').waitFor({ timeout: LONG });
    await expect.poll(() => progress.count(), { timeout: 30_000 }).toBe(0);

    expect(await page.locator('.rota-grid .chip').count()).toBeGreaterThan(example.days * 3);
    expect(await page.getByTestId('rota-stats').textContent()).toMatch(/Harm covered\s*[\d,.]+ of [\d,.]+ CHI days/);
    const heat = page.getByRole('grid', { name: 'Coverage heatmap' });
    await heat.scrollIntoViewIfNeeded();
    await heat.locator('td.heat-cell').first().hover();
    await expect.poll(() => page.getByTestId('heat-detail').textContent()).toMatch(/forecast [\d.]+ CHI days, covered/);
    await page.locator('.rota-layout').screenshot({ path: path.join(SHOTS, 'coverage-heatmap.png') }).catch(() => {});
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('rota-by-officer');

    // Findings: selecting one highlights its cells
    const findings = page.getByRole('region', { name: 'Findings' });
    const first = findings.locator('button.finding').first();
    await first.click();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    await shot('findings-selected');
    await first.click();

    await page.getByRole('radio', { name: 'by hotspot' }).check();
    await page.getByRole('grid', { name: 'Rota by hotspot' }).waitFor();
    await shot('rota-by-hotspot');
    await page.getByRole('radio', { name: 'by officer' }).check();
  }, LONG);

  let pinnedOn: { officerId: string; shiftId: string };
  let pinnedOff: { officerId: string; shiftId: string };

  it('pins a cell on and another off, re-solves, and the pins hold', async () => {
    const chips = await chipsByOfficer();
    const candidates = Object.entries(chips).filter(([, s]) => s.length >= 2);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const [onOfficer, onShifts] = candidates[0]!;
    const [offOfficer, offShifts] = candidates[1]!;
    pinnedOn = { officerId: onOfficer, shiftId: onShifts[1]! };
    pinnedOff = { officerId: offOfficer, shiftId: offShifts[0]! };
    const nameOf = (shiftId: string) => typeName.get(shiftId.split('@')[0]!)!;

    await cell(pinnedOn.officerId, pinnedOn.shiftId.split('@')[1]!).click();
    await page.getByRole('menu').getByRole('menuitem', { name: `Pin on ${nameOf(pinnedOn.shiftId)} (keep)` }).click();
    await page.getByText('Pinned on. Re-solve to apply it.').waitFor();
    // the second pin by keyboard: focus the cell, Enter opens the menu, arrows pick "Pin off"
    await cell(pinnedOff.officerId, pinnedOff.shiftId.split('@')[1]!).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allTextContents();
    const target = items.indexOf(`Pin off ${nameOf(pinnedOff.shiftId)}`);
    expect(target).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('Pinned off. Re-solve to apply it.').waitFor();
    await expect.poll(() => cell(pinnedOff.officerId, pinnedOff.shiftId.split('@')[1]!).locator(`.pin-off[data-shift="${pinnedOff.shiftId}"]`).count()).toBe(1);

    const rotaId = await resolveAndWait();
    const onCell = cell(pinnedOn.officerId, pinnedOn.shiftId.split('@')[1]!);
    await expect.poll(() => onCell.locator(`.chip.pinned[data-shift="${pinnedOn.shiftId}"]`).count()).toBe(1);
    const offCell = cell(pinnedOff.officerId, pinnedOff.shiftId.split('@')[1]!);
    expect(await offCell.locator(`.chip:not(.removed)[data-shift="${pinnedOff.shiftId}"]`).count()).toBe(0);
    expect(await offCell.locator(`.chip.removed[data-shift="${pinnedOff.shiftId}"]`).count()).toBe(1);
    expect(await page.getByTestId('diff-summary').textContent()).toMatch(/\d+ added, [1-9]\d* removed/);

    // and the API agrees
    const stored = await apiRota(rotaId);
    const has = (a: { officerId: string; shiftId: string }) => stored.rota.assignments.some((x) => x.officerId === a.officerId && x.shiftId === a.shiftId);
    expect(has(pinnedOn)).toBe(true);
    expect(has(pinnedOff)).toBe(false);
    await offCell.scrollIntoViewIfNeeded();
    await shot('resolve-after-pins');
  }, LONG);

  it('marks an officer sick for some days, re-solves, and their duties move', async () => {
    const chips = await chipsByOfficer();
    const pinnedOfficers = new Set([pinnedOn.officerId, pinnedOff.officerId]);
    const busiest = Object.entries(chips)
      .filter(([id]) => !pinnedOfficers.has(id))
      .map(([id, shifts]) => ({ id, dates: shifts.map((s) => s.split('@')[1]!).sort() }))
      .filter((o) => o.dates.length >= 3)
      .sort((a, b) => b.dates.length - a.dates.length)[0]!;
    expect(busiest).toBeDefined();
    const firstDay = busiest.dates[0]!;
    const lastDay = addDays(firstDay, 2);
    const duties = busiest.dates.filter((d) => d >= firstDay && d <= lastDay);
    expect(duties.length).toBeGreaterThan(0);

    await cell(busiest.id, firstDay).click();
    await page.getByRole('menuitem', { name: 'Mark sick or on leave…' }).click();
    const form = page.getByRole('dialog', { name: 'Mark an officer unavailable' });
    await form.waitFor();
    expect(await form.getByLabel('Officer').inputValue()).toBe(busiest.id);
    expect(await form.getByLabel('Reason').inputValue()).toBe('sick');
    await form.getByLabel('Last day').fill(lastDay);
    await shot('mark-sick');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Marked sick. Re-solve to move the duties.').waitFor();
    await expect.poll(() => cell(busiest.id, firstDay).getAttribute('class')).toContain('abs-sick');

    const rotaId = await resolveAndWait();
    for (let d = firstDay; d <= lastDay; d = addDays(d, 1)) {
      expect(await cell(busiest.id, d).locator('.chip:not(.removed)').count()).toBe(0);
      expect(await cell(busiest.id, d).getAttribute('class')).toContain('abs-sick');
    }
    const stored = await apiRota(rotaId);
    expect(stored.rota.assignments.filter((a) => a.officerId === busiest.id && a.shiftId.split('@')[1]! >= firstDay && a.shiftId.split('@')[1]! <= lastDay)).toEqual([]);
    expect(stored.diff!.removed.length).toBeGreaterThanOrEqual(duties.length);
    const officer = example.officers.find((o) => o.id === busiest.id)!;
    const summary = page.getByTestId('diff-summary');
    expect(await summary.textContent()).toContain(`Removed: ${officer.rank} ${officer.name}`);
    // the pins still hold after the second re-solve
    expect(stored.rota.assignments.some((a) => a.officerId === pinnedOn.officerId && a.shiftId === pinnedOn.shiftId)).toBe(true);
    await cell(busiest.id, firstDay).scrollIntoViewIfNeeded();
    await shot('resolve-after-sick');
  }, LONG);

  it('runs a what-if and shows the chart and where one more officer buys most', async () => {
    await page.getByRole('tab', { name: 'What-if' }).click();
    await page.getByLabel('Extra officers', { exact: true }).fill('2');
    await page.getByLabel('Time limit (s)').fill('10');
    await page.getByRole('button', { name: 'Run what-if' }).click();
    const chart = page.getByTestId('whatif-chart').first();
    await chart.waitFor({ timeout: LONG * 2 });
    expect(await chart.locator('circle.point.harm').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('curve-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('marginal-table').waitFor();
    await shot('what-if');
  }, LONG * 2 + 30_000);

  it('downloads the rota CSV, offers a per-officer iCalendar link, and publishes', async () => {
    await page.getByRole('tab', { name: 'Rota' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(example.officers.length);
    expect(csv).toContain(example.officers[0]!.name);

    const ics = page.getByRole('link', { name: /^iCalendar link for / });
    const href = (await ics.getAttribute('href'))!;
    const res = await fetch(href);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: 'Publish rota' }).click();
    await page.getByText('Rota published.').waitFor();
    expect(await page.getByRole('group', { name: 'Publish and export' }).locator('.status').textContent()).toBe('Published');
    const stored = (await (await fetch(`${base}/v1/rotas/${rotaIdInUrl()}`)).json()) as { status: string };
    expect(stored.status).toBe('published');
  }, 60_000);

  it('reads at tablet width and prints only the rota', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await shot('tablet-768');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('grid', { name: 'Rota by officer' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);

  it('edits the scenario: API validation errors beside the field, CSV import of officers, save', async () => {
    await page.getByRole('tab', { name: 'Scenario' }).click();
    const hours = page.getByLabel(`Contract hours per week of ${example.officers[1]!.rank} ${example.officers[1]!.name}`);
    await hours.fill('-5');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    const error = page.locator(`#${await hours.getAttribute('id').then((id) => id!.replace('f-', 'err-'))}`);
    await error.waitFor();
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    expect(await error.textContent()).toMatch(/\S/);
    const summary = page.locator('.issue-summary');
    expect(await summary.textContent()).toContain(`Officer 2 (${example.officers[1]!.rank} ${example.officers[1]!.name}) › contractMinutesPerWeek`);
    await hours.scrollIntoViewIfNeeded();
    await shot('validation-error');

    await hours.fill('40');
    const csv = path.join(tmp, 'officers.csv');
    writeFileSync(csv, 'id,name,rank,skills,contractHoursPerWeek,team\ne2e-01,Robin Test,PC,driver;taser,40,Southend Town Centre\n');
    await page.getByLabel(/^Officers CSV/).setInputFiles(csv);
    await page.getByText('Imported 1 officers.').waitFor();
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByText(/Saved version \d+\. Re-solve to apply the changes\./).waitFor();
    const id = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('scenario');
    const stored = (await (await fetch(`${base}/v1/scenarios/${id}`)).json()) as { scenario: ExampleScenario };
    expect(stored.scenario.officers).toHaveLength(example.officers.length + 1);
    expect(stored.scenario.officers.find((o) => o.id === 'e2e-01')).toMatchObject({ name: 'Robin Test', rank: 'PC' });
    expect(stored.scenario.officers[1]).toMatchObject({ contractMinutesPerWeek: 2400 });
  }, 60_000);
});
