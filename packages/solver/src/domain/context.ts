import { DateTime } from 'luxon';
import { resolvePolicy, type RotaPolicy, type RuleSetting } from './policy.js';
import type { Scenario } from './scenario.js';
import { expandShifts, horizonDates, localMidnight, parseInstant } from './shifts.js';
import type { Hotspot, Officer, OfficerLimits, Shift, ShiftType } from './types.js';

/** A stretch of time with a constant set of shifts on duty; coverage is valued per period. */
export interface Period {
  index: number;
  startMs: number;
  endMs: number;
  hours: number;
  /** Shifts that cover the whole period. */
  shiftIds: string[];
}

/**
 * Everything rules, model and evaluator derive from a Scenario, computed once: shifts with real
 * instants, indexes, periods and the harm each hotspot expects in each period.
 */
export interface ScenarioContext {
  scenario: Scenario;
  policy: RotaPolicy;
  dates: string[];
  /** ISO weekday (1 = Monday) of each horizon day. */
  weekdays: number[];
  shifts: Shift[];
  shiftById: Map<string, Shift>;
  shiftsByDay: Shift[][];
  shiftTypeById: Map<string, ShiftType>;
  officers: Officer[];
  officerById: Map<string, Officer>;
  hotspots: Hotspot[];
  periods: Period[];
  /** harmByPeriod.get(hotspotId)[periodIndex] in forecast units. */
  harmByPeriod: Map<string, number[]>;
  harmUnit: string;
  /** The rule's effective setting: policy override merged over the rule's own default. */
  setting(ruleId: string, defaultKind: 'hard' | 'soft'): Required<RuleSetting>;
  /** An officer's limit: their own override, else the policy's value. */
  limit<K extends keyof OfficerLimits & keyof RotaPolicy>(officer: Officer, key: K): RotaPolicy[K] | OfficerLimits[K];
  /** Abstractions that overlap the shift, if any. */
  abstractionsDuring(officer: Officer, shift: Shift): Officer['abstractions'];
  /**
   * Contracted minutes over the horizon, pro rata, less whole days of abstraction (leave, courses
   * and sickness count towards contracted time, so they neither create overtime nor unfairness).
   */
  contractMinutes(officer: Officer): number;
  planningMs: number;
}

function buildPeriods(shifts: Shift[]): Period[] {
  const cuts = [...new Set(shifts.flatMap((s) => [s.startMs, s.endMs]))].sort((a, b) => a - b);
  // Shifts by start; a shift covering [startMs, endMs] started in [startMs − longest, startMs],
  // so each period scans that stretch only, not every shift of the horizon.
  const byStart = shifts.map((_, k) => k).sort((a, b) => shifts[a].startMs - shifts[b].startMs);
  const longest = shifts.reduce((m, s) => Math.max(m, s.endMs - s.startMs), 0);
  const periods: Period[] = [];
  let from = 0;
  let to = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [startMs, endMs] = [cuts[i], cuts[i + 1]];
    while (from < byStart.length && shifts[byStart[from]].startMs < startMs - longest) from++;
    while (to < byStart.length && shifts[byStart[to]].startMs <= startMs) to++;
    const hits: number[] = [];
    for (let j = from; j < to; j++) if (shifts[byStart[j]].endMs >= endMs) hits.push(byStart[j]);
    // In the order of `shifts`, as a filter over all of them gives.
    const on = hits.sort((a, b) => a - b).map((k) => shifts[k].id);
    if (on.length > 0) periods.push({ index: periods.length, startMs, endMs, hours: (endMs - startMs) / 3.6e6, shiftIds: on });
  }
  return periods;
}

function harmPerPeriod(scenario: Scenario, periods: Period[], originMs: number): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const hotspot of scenario.hotspots) {
    const series = scenario.forecast?.hotspots.find((f) => f.hotspotId === hotspot.id)?.hourlyHarm ?? [];
    const harmAt = (hour: number) => (series.length === 168 ? series[((hour % 168) + 168) % 168] : series[hour] ?? 0);
    result.set(
      hotspot.id,
      periods.map((p) => {
        // Integrate the hourly step function over the period (periods need not align to hours).
        let total = 0;
        for (let t = p.startMs; t < p.endMs; ) {
          const hour = Math.floor((t - originMs) / 3.6e6);
          const next = Math.min(p.endMs, originMs + (hour + 1) * 3.6e6);
          total += (harmAt(hour) * (next - t)) / 3.6e6;
          t = next;
        }
        return total;
      }),
    );
  }
  return result;
}

/** Derive the context of a scenario; throws with the offending field on malformed times. */
export function buildContext(scenario: Scenario): ScenarioContext {
  const policy = resolvePolicy(scenario.policy);
  const dates = horizonDates(scenario);
  const zone = scenario.timezone;
  const originMs = localMidnight(scenario.startDate, zone).toMillis();
  const shifts = expandShifts(scenario);
  const shiftsByDay: Shift[][] = dates.map(() => []);
  for (const s of shifts) shiftsByDay[s.dayIndex].push(s);
  const periods = buildPeriods(shifts);
  const dayStarts = [...dates, DateTime.fromISO(dates[dates.length - 1], { zone }).plus({ days: 1 }).toISODate()!].map((d) => localMidnight(d, zone).toMillis());
  const abstractionMs = new Map(
    scenario.officers.map((o) => [o.id, o.abstractions.map((a) => ({ a, start: parseInstant(a.start, zone), end: parseInstant(a.end, zone) }))]),
  );
  return {
    scenario,
    policy,
    dates,
    weekdays: dates.map((d) => DateTime.fromISO(d, { zone }).weekday),
    shifts,
    shiftById: new Map(shifts.map((s) => [s.id, s])),
    shiftsByDay,
    shiftTypeById: new Map(scenario.shiftTypes.map((t) => [t.id, t])),
    officers: scenario.officers,
    officerById: new Map(scenario.officers.map((o) => [o.id, o])),
    hotspots: scenario.hotspots,
    periods,
    harmByPeriod: harmPerPeriod(scenario, periods, originMs),
    harmUnit: scenario.forecast?.unit ?? 'harm',
    setting(ruleId, defaultKind) {
      const s = policy.rules[ruleId] ?? {};
      return { enabled: s.enabled ?? true, hard: s.hard ?? defaultKind === 'hard', weight: s.weight ?? 1 };
    },
    limit(officer, key) {
      return officer.limits?.[key] ?? policy[key];
    },
    abstractionsDuring(officer, shift) {
      return (abstractionMs.get(officer.id) ?? []).filter((x) => x.start < shift.endMs && x.end > shift.startMs).map((x) => x.a);
    },
    contractMinutes(officer) {
      const away = dayStarts.filter((start, d) => (abstractionMs.get(officer.id) ?? []).some((x) => x.start <= start && x.end >= dayStarts[d + 1])).length;
      return (officer.contractMinutesPerWeek * (dates.length - away)) / 7;
    },
    planningMs: scenario.planningInstant ? parseInstant(scenario.planningInstant, zone) : originMs,
  };
}
