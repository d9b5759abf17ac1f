import type { ScenarioContext } from '../domain/context.js';
import { LinearModel, type RowOrigin, type Term } from './linear.js';

/**
 * The rota MIP under construction: core variables plus helpers rules use to add their rows and
 * objective terms. Core variables:
 * - `assign:<officer>@<shift>` binary, 1 when the officer works the shift;
 * - `deploy:<hotspot>@<shift>` continuous officer-hours of patrol from that shift's officers.
 * The objective is broken down by rule by the evaluator, not here, so it is checked independently.
 */
export class RotaModel {
  readonly lp = new LinearModel();
  private readonly assignIndex = new Map<string, number>();
  private readonly deployIndex = new Map<string, number>();

  constructor(readonly ctx: ScenarioContext) {
    for (const officer of ctx.officers) {
      for (const shift of ctx.shifts) {
        this.assignIndex.set(`${officer.id}|${shift.id}`, this.newVar(`assign:${officer.id}@${shift.id}`, { type: 'binary' }));
      }
    }
    for (const hotspot of ctx.hotspots) {
      for (const shift of ctx.shifts) {
        this.deployIndex.set(`${hotspot.id}|${shift.id}`, this.newVar(`deploy:${hotspot.id}@${shift.id}`, {}));
      }
    }
  }

  private newVar(name: string, opts: Parameters<LinearModel['addVar']>[1]): number {
    return this.lp.addVar(name, opts);
  }

  /** `assign:<officer>@<shift>` */
  assign(officerId: string, shiftId: string): number {
    const v = this.assignIndex.get(`${officerId}|${shiftId}`);
    if (v === undefined) throw new Error(`no assignment variable for ${officerId} on ${shiftId}`);
    return v;
  }

  /** `deploy:<hotspot>@<shift>` in officer-hours. */
  deploy(hotspotId: string, shiftId: string): number {
    const v = this.deployIndex.get(`${hotspotId}|${shiftId}`);
    if (v === undefined) throw new Error(`no deployment variable for ${hotspotId} on ${shiftId}`);
    return v;
  }

  /** Terms that sum to 1 when the officer works on the day (at most one shift a day holds). */
  workTerms(officerId: string, dayIndex: number, include: (shiftTypeId: string) => boolean = () => true): Term[] {
    return (this.ctx.shiftsByDay[dayIndex] ?? []).filter((s) => include(s.shiftTypeId)).map((s) => [this.assign(officerId, s.id), 1]);
  }

  /** Terms counting officers (optionally only those matching `counts`) on a shift. */
  onShiftTerms(shiftId: string, counts: (officerId: string) => boolean = () => true): Term[] {
    return this.ctx.officers.filter((o) => counts(o.id)).map((o) => [this.assign(o.id, shiftId), 1]);
  }

  /** A fresh auxiliary variable of a rule (`ruleId` documents whose it is at call sites). */
  variable(_ruleId: string, name: string, opts: Parameters<LinearModel['addVar']>[1] = {}): number {
    return this.newVar(name, opts);
  }

  /** Add `weight × Σ terms` to the (maximised) objective on behalf of `ruleId`. */
  reward(_ruleId: string, terms: Term[], weight: number): void {
    for (const [v, c] of terms) this.lp.addCost(v, c * weight);
  }

  /**
   * Add a rule's row `lower ≤ Σ terms ≤ upper`. A hard rule's row is strict unless `elastic`
   * (rows that can conflict with the input, such as cover and pins): then a slack, costed at the
   * policy's hard-violation penalty, lets the solver return the best rota and name the breach.
   * A rule switched to soft always gets a slack costed at its weight.
   */
  constrain(ruleId: string, kind: 'hard' | 'soft', name: string, terms: Term[], lower: number, upper: number, origin: Omit<RowOrigin, 'ruleId'> = {}, elastic = false): void {
    const setting = this.ctx.setting(ruleId, kind);
    const full: RowOrigin = { ruleId, ...origin };
    if (setting.hard && !elastic) {
      this.lp.addRow(name, terms, lower, upper, full);
      return;
    }
    const penalty = setting.hard ? this.ctx.policy.hardViolationPenalty : setting.weight;
    if (lower > -Infinity) {
      const under = this.variable(ruleId, `short:${name}`, { cost: -penalty });
      this.lp.addRow(`${name}:lower`, [...terms, [under, 1]], lower, Infinity, full);
    }
    if (upper < Infinity) {
      const over = this.variable(ruleId, `excess:${name}`, { cost: -penalty });
      this.lp.addRow(`${name}:upper`, [...terms, [over, -1]], -Infinity, upper, full);
    }
  }

  /** Forbid an assignment outright (availability, skills, zero limits). */
  forbid(officerId: string, shiftId: string): void {
    this.lp.fix(this.assign(officerId, shiftId), 0);
  }

  /** All assignment variables, for engines and neighbourhoods. */
  assignEntries(): { officerId: string; shiftId: string; variable: number }[] {
    return [...this.assignIndex].map(([key, variable]) => {
      const [officerId, shiftId] = key.split('|');
      return { officerId, shiftId, variable };
    });
  }

  deployEntries(): { hotspotId: string; shiftId: string; variable: number }[] {
    return [...this.deployIndex].map(([key, variable]) => {
      const [hotspotId, shiftId] = key.split('|');
      return { hotspotId, shiftId, variable };
    });
  }
}
