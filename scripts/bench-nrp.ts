// pnpm bench:nrp [--dir <folder>] [--time-limit <seconds>] [--json] [--only Instance1,Instance2] [--repeat <runs>] [--log-dir <folder>]
// pnpm bench:nrp --check-solutions [--solutions <folder>]
//
// Proves the rota engine on the public rostering benchmark of Curtois & Qu: every InstanceN.txt
// is imported as an ordinary Scenario, solved with solve() (worker thread, time limit), and the
// roster is scored by the benchmark's own objective (nrpObjective), not by our rules.
// --check-solutions instead re-scores the published rosters, to prove the scorer itself.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nrpToScenario, parseNrp, type NrpInstance } from '../packages/solver/src/benchmark/nrpImport.js';
import { evaluateNrp, rosterToRota, rotaToRoster, type NrpRoster } from '../packages/solver/src/benchmark/nrpObjective.js';
import { readPetterSOut, readTurtlesoulCsv } from '../packages/solver/src/benchmark/nrpRosters.js';
import { fail, numberFlag, parseArgs } from '../packages/solver/src/cli/args.js';
import { evaluate } from '../packages/solver/src/evaluate/evaluate.js';
import { solve } from '../packages/solver/src/solve/solve.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { flags } = parseArgs(process.argv.slice(2), ['json', 'check-solutions']);
const dir = resolve(root, String(flags.get('dir') ?? '../shared/data/curtois/instances'));
const solutionsDir = resolve(root, String(flags.get('solutions') ?? join(dir, '../solutions')));
const timeLimit = numberFlag(flags, 'time-limit', 60);
const json = flags.has('json');
const only = flags.has('only') ? new Set(String(flags.get('only')).split(',')) : null;
const repeat = numberFlag(flags, 'repeat', 1);
if (!Number.isInteger(repeat) || repeat < 1) fail('--repeat must be a whole number of runs, at least 1');
// Each solve's log, so that a rare miss can be read afterwards (PATROLPLAN_TRACE=1 for the full trace).
const logDir = flags.has('log-dir') ? resolve(String(flags.get('log-dir'))) : null;
/** The issue's bar for Instances 8 and 12: within this many percent of the best known value. */
const WITHIN_PERCENT = 2;

/** Natural order: Instance2 before Instance10. */
const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Best known objectives from best_known.tsv (columns by header name), when the folder has one. */
function bestKnown(folder: string): Map<string, number> {
  const candidates = [join(folder, 'best_known.tsv'), join(folder, '..', 'best_known.tsv')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) return new Map();
  const [header, ...lines] = readFileSync(file, 'utf8').replace(/\r/g, '').split('\n').filter(Boolean);
  const cols = header.split('\t');
  const [name, value] = [cols.indexOf('instance'), cols.indexOf('best_known_ub')];
  return new Map(lines.map((l) => l.split('\t')).map((c) => [c[name], Number(c[value])]));
}

const loadInstance = (file: string): NrpInstance => parseNrp(readFileSync(file, 'utf8'), basename(file, '.txt'));

/** Our evaluator on the roster as a rota: objective exactly −(benchmark's), hard findings 0. */
function ourVerdict(instance: NrpInstance, roster: NrpRoster): { objective: number; hard: number } {
  const evaluation = evaluate(nrpToScenario(instance), rosterToRota(instance, roster));
  return { objective: evaluation.objective, hard: evaluation.hardViolations };
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

/** Values FORMAT.md lists for rosters whose file states none. */
const LISTED: Record<string, number> = { 'VNS_NurseRoster8.csv': 1349 };

function checkSolutions(): void {
  const rows: string[][] = [];
  let failures = 0;
  const sources = [
    { sub: 'turtlesoul25_Y5Dissertation', match: /^(?:VNS_)?NurseRoster(\d+)\.csv$/, read: readTurtlesoulCsv },
    { sub: 'PetterS_monolith', match: /^Instance(\d+)\.txt\.out$/, read: readPetterSOut },
  ];
  for (const { sub, match, read } of sources) {
    const folder = join(solutionsDir, sub);
    if (!existsSync(folder)) fail(`no roster folder ${folder}`);
    for (const file of readdirSync(folder).filter((f) => match.test(f)).sort(natural)) {
      const name = `Instance${match.exec(file)![1]}`;
      const { roster, statedObjective } = read(readFileSync(join(folder, file), 'utf8'));
      const instance = loadInstance(join(dir, `${name}.txt`));
      const expected = statedObjective ?? LISTED[file] ?? null;
      const got = evaluateNrp(instance, roster);
      const ours = ourVerdict(instance, roster);
      const ok = expected === got.objective && got.violations.length === 0 && ours.objective === -got.objective && ours.hard === 0;
      if (!ok) failures++;
      rows.push([`${sub}/${file}`, name, String(expected ?? '—'), String(got.objective), String(got.violations.length), `${ours.objective} (${ours.hard} hard)`, ok ? 'ok' : 'MISMATCH']);
      for (const v of got.violations.slice(0, 5)) console.error(`  ${file}: rule ${v.rule}: ${v.message}`);
    }
  }
  printTable(['roster', 'instance', 'expected', 'got', 'hard violations', 'our evaluator', 'check'], rows);
  console.log(`${rows.length} published rosters re-scored: ${rows.length - failures} exact with zero violations, ${failures} mismatches`);
  process.exitCode = failures > 0 ? 1 : 0;
}

/** One solve of one instance, scored by the benchmark's own objective. */
interface RunRecord {
  instance: string;
  objective: number;
  bestKnown: number | null;
  gapPercent: number | null;
  seconds: number;
  hardViolations: number;
  /** 1-based, only with --repeat above 1. */
  run?: number;
}

async function benchmark(): Promise<void> {
  if (!existsSync(dir)) fail(`no instance folder ${dir}`);
  const files = readdirSync(dir).filter((f) => /^Instance\d+\.txt$/.test(f) && (!only || only.has(basename(f, '.txt')))).sort(natural);
  if (files.length === 0) fail(`no Instance*.txt in ${dir}${only ? ` matching --only` : ''}`);
  const known = bestKnown(dir);
  if (logDir) mkdirSync(logDir, { recursive: true });
  const rows: string[][] = [];
  const records: RunRecord[] = [];
  for (const file of files) {
    const instance = loadInstance(join(dir, file));
    const scenario = nrpToScenario(instance);
    const best = known.get(instance.name) ?? null;
    const size = `${instance.staff.length}×${instance.horizon}×${instance.shifts.length}`;
    for (let run = 1; run <= repeat; run++) {
      const result = await solve(scenario, { timeLimitSeconds: timeLimit });
      const scored = evaluateNrp(instance, rotaToRoster(instance, result.rota));
      const gap = best === null ? null : (100 * (scored.objective - best)) / Math.max(1, Math.abs(best));
      const hard = scored.violations.length;
      // Ours must be exactly −(benchmark's), or the import is wrong; the one hard rule the model
      // keeps elastic (the total-minutes floor) also charges its shortfall, so that share is set aside.
      const elastic = result.evaluation.objectiveByRule.totalMinutes ?? 0;
      const agrees = Math.abs(result.objective - elastic + scored.objective) < 1e-6;
      const record: RunRecord = { instance: instance.name, objective: scored.objective, bestKnown: best, gapPercent: gap === null ? null : Number(gap.toFixed(3)), seconds: Number(result.seconds.toFixed(1)), hardViolations: hard, ...(repeat > 1 ? { run } : {}) };
      records.push(record);
      if (logDir) writeFileSync(join(logDir, `${instance.name}${repeat > 1 ? `-run${run}` : ''}.log`), `${result.log.join('\n')}\n`);
      if (json) console.log(JSON.stringify(record));
      else console.error(`${instance.name}${repeat > 1 ? ` run ${run}` : ''}: ${scored.objective} (best ${best ?? '—'}) in ${result.seconds.toFixed(1)} s, ${result.status}, ${hard} hard${agrees ? '' : `, OUR OBJECTIVE ${result.objective - elastic} ≠ −${scored.objective}`}`);
      rows.push([instance.name, ...(repeat > 1 ? [String(run)] : []), size, String(scored.objective), String(best ?? '—'), gap === null ? '—' : `${gap.toFixed(2)} %`, result.seconds.toFixed(1), result.status, String(hard), agrees ? 'yes' : 'NO']);
    }
  }
  if (json) return;
  printTable(['instance', ...(repeat > 1 ? ['run'] : []), 'staff×days×types', 'objective', 'best known', 'gap', 'seconds', 'status', 'hard violations', 'ours = −bench'], rows);
  const seconds = records.reduce((sum, r) => sum + r.seconds, 0);
  const { atBest, within, broken } = tally(records);
  const runs = repeat > 1 ? `${records.length} runs of ${files.length} instances` : `${records.length} instances`;
  console.log(`${runs}, ${timeLimit} s limit: ${atBest} at best known, ${within} within ${WITHIN_PERCENT} %, ${broken} with hard violations, ${seconds.toFixed(0)} s in all`);
  if (repeat > 1) printSpread(records);
}

/** Runs at the best known value, within WITHIN_PERCENT of it, and with hard violations. */
function tally(records: readonly RunRecord[]): { atBest: number; within: number; broken: number } {
  const clean = records.filter((r) => r.hardViolations === 0);
  return {
    // From the objectives, not the rounded gapPercent: a tiny gap must not round to "at best known".
    atBest: clean.filter((r) => r.bestKnown !== null && r.objective <= r.bestKnown).length,
    within: clean.filter((r) => r.bestKnown !== null && r.objective - r.bestKnown <= (WITHIN_PERCENT / 100) * Math.max(1, Math.abs(r.bestKnown))).length,
    broken: records.length - clean.length,
  };
}

/** With --repeat: each instance's best, median and worst objective, and how often it met each bar. */
function printSpread(records: readonly RunRecord[]): void {
  const byInstance = new Map<string, RunRecord[]>();
  for (const r of records) byInstance.set(r.instance, [...(byInstance.get(r.instance) ?? []), r]);
  const rows = [...byInstance].map(([name, runs]) => {
    const sorted = runs.map((r) => r.objective).sort((a, b) => a - b);
    const { atBest, within, broken } = tally(runs);
    const of = (k: number) => `${k} of ${runs.length}`;
    return [name, String(sorted[0]), String(sorted[Math.floor((sorted.length - 1) / 2)]), String(sorted[sorted.length - 1]), String(runs[0].bestKnown ?? '—'), of(atBest), of(within), of(broken)];
  });
  console.log('');
  printTable(['instance', 'best', 'median', 'worst', 'best known', 'at best known', `within ${WITHIN_PERCENT} %`, 'with hard violations'], rows);
}

if (flags.has('check-solutions')) checkSolutions();
else await benchmark();
