import type { OfficerDay } from './assignmentDive.js';

/** One officer-day a dive step decided: the option taken (a column, or −1 for off) and the officer's fixings before. */
export interface StepDecision {
  day: OfficerDay;
  option: number;
  before: ReadonlyMap<number, 0 | 1> | undefined;
}

/**
 * A dive step whose decisions made the master LP drop by more than this share of the dive's
 * first LP value is undone. Curtois Instance8's dives drifted from 1305 to 1414 over their last
 * fifteen steps (one cover shortfall of 100 more); with steps undone at 0.005, four untraced runs
 * gave 1597, 1305, 1300 and 1302 and three traced ones landed 1310, 1312 and 1406 (finals 1310,
 * 1310, 1305): 12 of 17 runs within 2 % in all, against 8 of 23 without.
 */
export const DRIFT_SHARE = 0.005;
/** Steps undone at most per dive: the dive must still end (Instance8 used all 20). */
export const MAX_BACKTRACKS = 20;

/**
 * Limited backtracking for a dive: remembers the last step's decisions, undoes them when the
 * next master LP has drifted (see DRIFT_SHARE), and bars the options they took, so the next step
 * decides other officer-days first (what the LP is surest of next).
 */
export class DriftGuard {
  private last: { value: number; decisions: StepDecision[] } | null = null;
  private readonly barred = new Set<string>();
  private undos = 0;

  /** Steps undone so far. */
  get backtracks(): number {
    return this.undos;
  }

  /** The step just taken: its master value before its decisions, and those decisions. */
  record(value: number, decisions: StepDecision[]): void {
    this.last = decisions.length > 0 ? { value, decisions } : null;
  }

  /**
   * Undoes the last step on `fixings` and `settled` when `value` has drifted below its master by
   * more than DRIFT_SHARE of `rootValue`; returns how many decisions were undone (0 if none).
   */
  undoIfDrifted(value: number, rootValue: number, fixings: Map<number, ReadonlyMap<number, 0 | 1>>, settled: Set<OfficerDay>): number {
    const last = this.last;
    if (!last || this.undos >= MAX_BACKTRACKS || value >= last.value - DRIFT_SHARE * Math.max(1, Math.abs(rootValue))) return 0;
    // In reverse, so an officer decided twice in the step gets back the fixings from before both.
    for (const { day, option, before } of [...last.decisions].reverse()) {
      if (before) fixings.set(day.block, before);
      else fixings.delete(day.block);
      settled.delete(day);
      this.barred.add(key(day, option));
    }
    this.undos++;
    this.last = null;
    return last.decisions.length;
  }

  /** The candidates whose option has not been barred, or all of them if every one has. */
  allowed<T extends { day: OfficerDay; option: number }>(open: T[]): T[] {
    const allowed = open.filter((d) => !this.barred.has(key(d.day, d.option)));
    return allowed.length > 0 ? allowed : open;
  }
}

const key = (day: OfficerDay, option: number) => `${day.block}:${day.day}:${option}`;
