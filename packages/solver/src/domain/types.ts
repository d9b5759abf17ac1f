/**
 * The domain vocabulary of patrolplan (see DESIGN.md). One word per concept, the same in the
 * solver, the API and the UI. Instants are ISO-8601 strings with an offset (or `Z`); local dates
 * are `YYYY-MM-DD`; local times are `HH:mm`; durations carry their unit in the field name.
 */

/** Police ranks and grades a team is made of. */
export type Rank = 'PC' | 'PS' | 'Inspector' | 'PCSO' | 'Special';
export const RANKS: readonly Rank[] = ['PC', 'PS', 'Inspector', 'PCSO', 'Special'];

/** Why an officer is not available for duty. */
export type AbstractionKind = 'leave' | 'course' | 'court' | 'sick' | 'other';

/** A period in which an officer cannot be on duty. `end` is exclusive. */
export interface Abstraction {
  kind: AbstractionKind;
  /** ISO instant (with offset) or a local date `YYYY-MM-DD` meaning that day's local midnight. */
  start: string;
  /** Exclusive; same formats as `start` (a local date means the midnight that starts that day). */
  end: string;
  note?: string;
}

/**
 * An officer's wish to work (`on`) or not work (`off`) on a date; with `shiftTypeId` the wish is
 * about that shift only, without it about the whole day. `weight` is the penalty for not meeting it.
 */
export interface ShiftRequest {
  kind: 'on' | 'off';
  date: string;
  shiftTypeId?: string;
  weight: number;
}

/**
 * Per-officer overrides of RotaPolicy thresholds (contract terms, part-time limits, and the
 * per-staff limits of the rostering benchmark). Absent fields fall back to the policy.
 */
export interface OfficerLimits {
  /** Max number of shifts of each type over the horizon; 0 means never that type. */
  maxShiftsByType?: Record<string, number>;
  minTotalMinutes?: number;
  maxTotalMinutes?: number;
  maxConsecutiveWorkingDays?: number;
  minConsecutiveWorkingDays?: number;
  minConsecutiveDaysOff?: number;
  maxWeekends?: number;
}

/** A member of the team who can be rostered. */
export interface Officer {
  id: string;
  name: string;
  rank: Rank;
  /** Free tags such as `driver`, `taser`, `public-order`, `first-aid`, `tutor`. */
  skills: string[];
  team?: string;
  /** Contracted working time; the basis of overtime. */
  contractMinutesPerWeek: number;
  abstractions: Abstraction[];
  requests: ShiftRequest[];
  limits?: OfficerLimits;
}

/** A shift template: local start/end, the weekdays it runs (1 = Monday … 7 = Sunday). */
export interface ShiftType {
  id: string;
  name: string;
  /** Local wall-clock start `HH:mm`. */
  start: string;
  /** Local wall-clock end `HH:mm`; an end at or before the start crosses midnight. */
  end: string;
  weekdays: number[];
  /** Paid minutes per occurrence; defaults to the actual instants' length. */
  paidMinutes?: number;
  /** Counts towards the consecutive-nights limit and night fairness. */
  night: boolean;
  /** Skills every officer on this shift must hold. */
  requiredSkills?: string[];
  /** Shift types that may not be worked on the day after this one (forbidden successions). */
  cannotFollow?: string[];
  /** Colour for the UI grid (CSS colour). */
  colour?: string;
}

/**
 * A concrete occurrence of a ShiftType, with real instants computed in the scenario timezone:
 * a 20:00–04:00 shift on the night the clocks go back lasts 9 hours.
 */
export interface Shift {
  /** `<shiftTypeId>@<date>` */
  id: string;
  shiftTypeId: string;
  /** Local date the shift starts on. */
  date: string;
  /** Index of `date` in the horizon (0-based). */
  dayIndex: number;
  startMs: number;
  endMs: number;
  /** Actual length between instants. */
  minutes: number;
  /** What the shift pays (ShiftType.paidMinutes when set, else `minutes`). */
  paidMinutes: number;
  night: boolean;
}

/** A micro-place where patrol prevents harm. */
export interface Hotspot {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Most officers usefully present at once; deployment beyond it buys nothing. */
  saturationOfficers: number;
  /** Target of patrol minutes per day (soft); 0 or absent means none. */
  dosageMinutesPerDay?: number;
  /** Skills an officer must hold to patrol here. */
  requiredSkills?: string[];
}

/**
 * Expected harm per hotspot per hour, in `unit` (e.g. Cambridge Crime Harm Index days).
 * `hourlyHarm[i]` is the harm in the i-th real hour after the horizon's first local midnight
 * (so a 25-hour day has 25 entries). A shorter array repeats weekly when it has 168 entries.
 */
export interface DemandForecast {
  unit: string;
  hotspots: { hotspotId: string; hourlyHarm: number[] }[];
}

/** A minimum-cover rule: at least `minOfficers` of the matching officers on every matching shift. */
export interface CoverRule {
  id: string;
  /** Shift types it applies to; absent = all. */
  shiftTypeIds?: string[];
  /** Weekdays (1–7) it applies to; absent = all. */
  weekdays?: number[];
  /** Only officers of these ranks count; absent = all ranks. */
  ranks?: Rank[];
  /** Only officers holding this skill count. */
  skill?: string;
  minOfficers: number;
}

/** A soft staffing target for one shift: under and over cover each cost a weight per officer. */
export interface CoverTarget {
  shiftId: string;
  requiredOfficers: number;
  weightUnder: number;
  weightOver: number;
}

/** A fixed decision the solver must keep: officer on (or off) a shift. */
export interface Pin {
  officerId: string;
  shiftId: string;
  kind: 'on' | 'off';
}
