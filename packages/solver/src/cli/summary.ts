import type { ScenarioContext } from '../domain/context.js';
import type { SolveResult } from '../solve/types.js';

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const num = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));

/** The readable CLI summary: headline, rota grid, coverage by hotspot, findings. */
export function summarise(ctx: ScenarioContext, result: SolveResult): string {
  const lines: string[] = [];
  const ev = result.evaluation;
  lines.push(`${ctx.scenario.name}: ${result.status} with ${result.engine} in ${result.seconds.toFixed(1)} s`);
  lines.push(`objective ${num(result.objective, 2)}  bound ${num(result.bound, 2)}  gap ${result.gap === null ? '—' : (100 * result.gap).toFixed(2) + ' %'}  hard violations ${ev.hardViolations}`);
  lines.push(`harm covered ${num(ev.harmCovered)} of ${num(ev.harmTotal)} ${ctx.harmUnit} (${num((100 * ev.harmCovered) / Math.max(1e-9, ev.harmTotal), 0)} %)`, '');
  const letter = new Map(ctx.scenario.shiftTypes.map((t) => [t.id, t.id.slice(0, 1)]));
  lines.push(`Rota (${ctx.scenario.shiftTypes.map((t) => `${letter.get(t.id)}=${t.name}`).join(', ')}, .=off)`);
  lines.push(`${pad('', 22)}${ctx.dates.map((d) => d.slice(8)).join(' ')}`);
  const on = new Map<string, string>();
  for (const a of result.rota.assignments) {
    const s = ctx.shiftById.get(a.shiftId)!;
    on.set(`${a.officerId}|${s.dayIndex}`, letter.get(s.shiftTypeId) ?? '?');
  }
  for (const o of ctx.officers) {
    lines.push(`${pad(`${o.rank} ${o.name}`, 22)}${ctx.dates.map((_, d) => ` ${on.get(`${o.id}|${d}`) ?? '.'}`).join(' ')}`);
  }
  lines.push('', 'Coverage by hotspot');
  for (const h of ctx.hotspots) {
    const rows = ev.coverage.filter((r) => r.hotspotId === h.id);
    const sum = (k: 'officerHours' | 'expectedHarm' | 'coveredHarm') => rows.reduce((a, r) => a + r[k], 0);
    lines.push(`  ${pad(h.name, 28)} ${num(sum('officerHours')).padStart(7)} officer-h  ${num(sum('coveredHarm')).padStart(8)} / ${num(sum('expectedHarm')).padStart(8)} covered`);
  }
  const hard = ev.findings.filter((f) => f.violation);
  const soft = ev.findings.filter((f) => !f.violation && f.penalty < 0).sort((a, b) => a.penalty - b.penalty);
  lines.push('', `Findings: ${hard.length} hard violations, ${soft.length} soft penalties`);
  for (const f of [...hard, ...soft].slice(0, 25)) lines.push(`  [${f.ruleId}] ${f.message}`);
  if (hard.length + soft.length > 25) lines.push(`  … ${hard.length + soft.length - 25} more (use --json)`);
  return lines.join('\n');
}
