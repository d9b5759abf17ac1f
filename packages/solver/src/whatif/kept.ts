import type { EngineSession } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import type { LnsContext } from '../solve/lns.js';
import { extraOfficerId } from './extra.js';

/**
 * The what-if model kept across points: hypothetical officers stay in it, dormant (upper bound 0)
 * until woken, so every re-solve is warm and starts from a feasible rota.
 */
export class KeptModel {
  private readonly original = new Map<number, [number, number]>();
  private readonly dormant = new Set<string>();

  constructor(readonly model: RotaModel, extraCount: number) {
    for (let k = 1; k <= extraCount; k++) {
      const id = extraOfficerId(k);
      this.dormant.add(id);
      for (const v of this.varsOf(id)) {
        this.original.set(v, [model.lp.lower[v], model.lp.upper[v]]);
        model.lp.upper[v] = 0;
      }
    }
  }

  isDormantOfficer(officerId: string): boolean {
    return this.dormant.has(officerId);
  }

  varsOf(officerId: string, shiftTypeId?: string): number[] {
    return this.model
      .assignEntries()
      .filter((e) => e.officerId === officerId && (!shiftTypeId || this.model.ctx.shiftById.get(e.shiftId)!.shiftTypeId === shiftTypeId))
      .map((e) => e.variable);
  }

  /** Make an officer available (optionally only for one shift type) in the model and session. */
  wake(session: EngineSession, officerId: string, shiftTypeId?: string): void {
    const vars = this.varsOf(officerId, shiftTypeId);
    for (const v of vars) [this.model.lp.lower[v], this.model.lp.upper[v]] = this.original.get(v)!;
    session.setBounds(vars, vars.map((v) => this.model.lp.lower[v]), vars.map((v) => this.model.lp.upper[v]));
    this.dormant.delete(officerId);
  }

  /** Put an officer back to sleep (bounds 0) in the model and session. */
  sleep(session: EngineSession, officerId: string): void {
    const vars = this.varsOf(officerId);
    for (const v of vars) this.model.lp.upper[v] = 0;
    session.setBounds(vars, vars.map(() => 0), vars.map(() => 0));
    this.dormant.add(officerId);
  }

  /**
   * Best placement of one officer with everyone else fixed to the incumbent: a small MIP
   * (one officer's shifts plus the deployment LP) that the engine closes fast.
   */
  placeOnly(session: EngineSession, officerId: string, lns: LnsContext): Float64Array | null {
    const best = lns.getBest();
    if (!best) return null;
    const mine = new Set(this.varsOf(officerId));
    const others = this.model.assignEntries().map((e) => e.variable).filter((v) => !mine.has(v));
    const fixed = others.map((v) => Math.round(best.values[v]));
    session.setBounds(others, fixed, fixed);
    const run = session.run({ timeLimitSeconds: Math.max(0.5, lns.remaining()), gapTolerance: 1e-4, start: best.values, shouldStop: lns.stop });
    session.setBounds(others, others.map((v) => this.model.lp.lower[v]), others.map((v) => this.model.lp.upper[v]));
    return run.values;
  }
}
