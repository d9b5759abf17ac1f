import type { CoverRule } from './types.js';

/** One point of the harm-coverage curve: average officers present → fraction of harm covered. */
export interface CoveragePoint {
  officersPresent: number;
  coveredFraction: number;
}

/** Per-rule switches: off, hard or soft, and the weight of a soft rule's penalty unit. */
export interface RuleSetting {
  enabled?: boolean;
  hard?: boolean;
  weight?: number;
}

/**
 * The rules of a lawful rota and their thresholds (England & Wales defaults). Every threshold a
 * rule uses lives here, never as a literal in rule code.
 */
export interface RotaPolicy {
  /** Per-rule overrides keyed by rule id. */
  rules: Record<string, RuleSetting>;
  maxShiftsPerDay: number;
  /** WTR 1998 reg 10: daily rest between the end of one shift and the start of the next. */
  minRestMinutes: number;
  /** Police Regulations Annex E: rest days in every 7-day block of the horizon. */
  restDaysPer7Days: number;
  maxConsecutiveWorkingDays: number;
  minConsecutiveWorkingDays: number;
  minConsecutiveDaysOff: number;
  /** PFEW fatigue guidance. */
  maxConsecutiveNights: number;
  /** Cap on working minutes in any rolling 7 days. */
  maxMinutesPer7Days: number;
  /** WTR reg 4: average weekly working time over the horizon. */
  maxAverageMinutesPerWeek: number;
  /** Weekends (Sat and/or Sun) that may be worked over the horizon; absent = no limit. */
  maxWeekends?: number;
  /** Minimum cover, e.g. at least one sergeant on every shift. */
  coverRules: CoverRule[];
  /** Share of a shift's time an officer can spend on hotspot patrol (the rest: calls, custody…). */
  patrolShare: number;
  /** Concave piecewise-linear curve, starting at (0, 0), with falling slopes. */
  harmCoverageCurve: CoveragePoint[];
  /** Penalty per hour of missed hotspot dosage, in objective (harm) units. */
  dosageWeightPerHour: number;
  /** Value of one paid hour of overtime cost in objective units (cost → harm exchange rate). */
  costWeightPerHour: number;
  /** Police Regulations: overtime at time and a third. */
  overtimeMultiplier: number;
  /** A rest day worked with less notice than this is paid at `restDayShortNoticeMultiplier`. */
  restDayNoticeDays: number;
  restDayShortNoticeMultiplier: number;
  /** Minimum paid minutes for a rest day worked at short notice. */
  restDayMinimumPaidMinutes: number;
  publicHolidayMultiplier: number;
  /** Penalty per changed assignment against the previously published rota. */
  disruptionPenaltyPerChange: number;
  /** Penalty per unit of violation of a hard rule relaxed because the input is over-constrained. */
  hardViolationPenalty: number;
  /** Weights of the fairness rule: per night, weekend day and hour of spread across the team. */
  fairnessWeightPerNight: number;
  fairnessWeightPerWeekend: number;
  fairnessWeightPerHour: number;
}

/** England & Wales defaults (see DESIGN.md). */
export function defaultPolicy(): RotaPolicy {
  return {
    rules: {},
    maxShiftsPerDay: 1,
    minRestMinutes: 11 * 60,
    restDaysPer7Days: 2,
    maxConsecutiveWorkingDays: 6,
    minConsecutiveWorkingDays: 1,
    minConsecutiveDaysOff: 1,
    maxConsecutiveNights: 4,
    maxMinutesPer7Days: 60 * 60,
    maxAverageMinutesPerWeek: 48 * 60,
    coverRules: [],
    patrolShare: 0.5,
    harmCoverageCurve: [
      { officersPresent: 0, coveredFraction: 0 },
      { officersPresent: 0.25, coveredFraction: 0.4 },
      { officersPresent: 0.5, coveredFraction: 0.6 },
      { officersPresent: 1, coveredFraction: 0.8 },
      { officersPresent: 2, coveredFraction: 1 },
    ],
    dosageWeightPerHour: 0.5,
    costWeightPerHour: 0.05,
    overtimeMultiplier: 4 / 3,
    restDayNoticeDays: 15,
    restDayShortNoticeMultiplier: 1.5,
    restDayMinimumPaidMinutes: 4 * 60,
    publicHolidayMultiplier: 2,
    disruptionPenaltyPerChange: 1,
    hardViolationPenalty: 1000,
    fairnessWeightPerNight: 0.2,
    fairnessWeightPerWeekend: 0.2,
    fairnessWeightPerHour: 0.01,
  };
}

/** A policy with `overrides` merged over the defaults (rules merged per id). */
export function resolvePolicy(overrides: Partial<RotaPolicy> | undefined): RotaPolicy {
  const base = defaultPolicy();
  if (!overrides) return base;
  return { ...base, ...overrides, rules: { ...base.rules, ...(overrides.rules ?? {}) } };
}
