import type { ScenarioContext } from '../domain/context.js';
import { LinearModel, type RowOrigin, type Term } from './linear.js';

/** One assignment variable: officer `officerId` works shift `shiftId`. */
export interface AssignEntry {
  readonly officerId: string;
  readonly shiftId: string;
  readonly variable: number;
}

/**
 * The rota MIP under construction: core variables plus helpers rules use to add their rows and
 * objective terms. Core variables:
 * - `assign:<officer>@<shift>` binary, 1 when the officer works the shift;
 * - `deploy:<hotspot>@<shift>` continuous officer-hours of patrol from that shift's officers.
 * The objective is broken down by rule by the evaluator, not here, so it is checked independently.
 */
export class RotaModel {
  readonly lp = new LinearModel();
  /** assign(o, s) = assignVars[officerPos(o) × shifts + shiftPos(s)]: no key strings per call. */
  private readonly officerPos = new Map<string, number>();
  private readonly shiftPos = new Map<string, number>();
  private readonly assignVars: number[] = [];
  private readonly stride: number;
  private readonly deployIndex = new Map<string, number>();
  /** workTerms cache: officer id → day → that day's shifts' type ids and assign variables. */
  private readonly dayVars = new Map<string, { typeIds: string[]; vars: number[] }[]>();

  constructor(readonly ctx: ScenarioContext) {
    this.stride = ctx.shifts.length;
    ctx.shifts.forEach((shift, k) => this.shiftPos.set(shift.id, k));
    for (const officer of ctx.officers) {
      this.officerPos.set(officer.id, this.officerPos.size);
      for (const shift of ctx.shifts) {
        this.assignVars.push(this.newVar(`assign:${officer.id}@${shift.id}`, { type: 'binary' }));
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
    const o = this.officerPos.get(officerId);
    const k = this.shiftPos.get(shiftId);
    const v = o === undefined || k === undefined ? undefined : this.assignVars[o * this.stride + k];
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
  workTerms(officerId: string, dayIndex: number, include?: (shiftTypeId: string) => boolean): Term[] {
    // An officer without variables keeps the uncached path (it throws only if a shift is included).
    if (!this.officerPos.has(officerId)) return (this.ctx.shiftsByDay[dayIndex] ?? []).filter((s) => !include || include(s.shiftTypeId)).map((s) => [this.assign(officerId, s.id), 1]);
    const day = this.dayVarsOf(officerId, dayIndex);
    if (!day) return [];
    const terms: Term[] = [];
    for (let k = 0; k < day.vars.length; k++) if (!include || include(day.typeIds[k])) terms.push([day.vars[k], 1]);
    return terms;
  }

  private dayVarsOf(officerId: string, dayIndex: number): { typeIds: string[]; vars: number[] } | undefined {
    let days = this.dayVars.get(officerId);
    if (!days) this.dayVars.set(officerId, (days = []));
    let day = days[dayIndex];
    if (!day) {
      const shifts = this.ctx.shiftsByDay[dayIndex];
      if (!shifts) return undefined;
      day = { typeIds: shifts.map((s) => s.shiftTypeId), vars: shifts.map((s) => this.assign(officerId, s.id)) };
      if (Number.isInteger(dayIndex) && dayIndex >= 0) days[dayIndex] = day;
    }
    return day;
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

  private entries: readonly AssignEntry[] | null = null;

  /**
   * All assignment variables, for engines and neighbourhoods. Listed once: every assignment is
   * created in the constructor, and neighbourhoods are drawn many times a second.
   */
  assignEntries(): readonly AssignEntry[] {
    if (this.entries) return this.entries;
    const shiftIds = [...this.shiftPos.keys()];
    return (this.entries = [...this.officerPos].flatMap(([officerId, o]) => shiftIds.map((shiftId, k) => ({ officerId, shiftId, variable: this.assignVars[o * this.stride + k] }))));
  }

  deployEntries(): { hotspotId: string; shiftId: string; variable: number }[] {
    return [...this.deployIndex].map(([key, variable]) => {
      const [hotspotId, shiftId] = key.split('|');
      return { hotspotId, shiftId, variable };
    });
  }
}
