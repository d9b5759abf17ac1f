import type * as D from '@patrolplan/solver';
import { z } from 'zod';
import { Id, LocalDate, named, ShiftId, Timestamp, type Same } from './common.js';

/** Wire schemas of the solver's domain vocabulary; each is checked against the domain type below. */

const HHmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:mm');
const Weekday = z.number().int().min(1).max(7);
const Minutes = z.number().min(0).max(100_000);
const Weight = z.number().min(0).max(1e9);
const Skills = z.array(z.string().min(1).max(64)).max(100);

export const Rank = named('Rank', z.enum(['PC', 'PS', 'Inspector', 'PCSO', 'Special']));

/** A local date (its local midnight) or an ISO instant with offset. */
export const DateOrInstant = z
  .string()
  .refine((v) => LocalDate.safeParse(v).success || Timestamp.safeParse(v).success, {
    message: 'must be a local date YYYY-MM-DD or an ISO instant with offset',
  });

export const Abstraction = named(
  'Abstraction',
  z.strictObject({
    kind: z.enum(['leave', 'course', 'court', 'sick', 'other']),
    start: DateOrInstant,
    end: DateOrInstant,
    note: z.string().max(500).optional(),
  }),
  'A period in which an officer cannot be on duty; `end` is exclusive.',
);

export const ShiftRequest = named(
  'ShiftRequest',
  z.strictObject({ kind: z.enum(['on', 'off']), date: LocalDate, shiftTypeId: Id.optional(), weight: Weight }),
);

export const OfficerLimits = named(
  'OfficerLimits',
  z.strictObject({
    maxShiftsByType: z.record(Id, z.number().int().min(0)).optional(),
    minTotalMinutes: Minutes.optional(),
    maxTotalMinutes: Minutes.optional(),
    maxConsecutiveWorkingDays: z.number().int().min(1).max(366).optional(),
    minConsecutiveWorkingDays: z.number().int().min(1).max(366).optional(),
    minConsecutiveDaysOff: z.number().int().min(1).max(366).optional(),
    maxWeekends: z.number().int().min(0).max(60).optional(),
  }),
);

export const Officer = named(
  'Officer',
  z.strictObject({
    id: Id,
    name: z.string().min(1).max(200),
    rank: Rank,
    skills: Skills.default([]),
    team: z.string().max(100).optional(),
    contractMinutesPerWeek: Minutes,
    abstractions: z.array(Abstraction).max(1000).default([]),
    requests: z.array(ShiftRequest).max(1000).default([]),
    limits: OfficerLimits.optional(),
  }),
);

export const ShiftType = named(
  'ShiftType',
  z.strictObject({
    id: Id,
    name: z.string().min(1).max(200),
    start: HHmm,
    end: HHmm,
    weekdays: z.array(Weekday).max(7),
    paidMinutes: z.number().int().min(0).max(24 * 60).optional(),
    night: z.boolean(),
    requiredSkills: Skills.optional(),
    cannotFollow: z.array(Id).max(100).optional(),
    colour: z.string().max(64).optional(),
  }),
);

export const Hotspot = named(
  'Hotspot',
  z.strictObject({
    id: Id,
    name: z.string().min(1).max(200),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    saturationOfficers: z.number().min(0).max(1000),
    dosageMinutesPerDay: Minutes.optional(),
    requiredSkills: Skills.optional(),
  }),
);

export const DemandForecast = named(
  'DemandForecast',
  z.strictObject({
    unit: z.string().min(1).max(64),
    hotspots: z.array(z.strictObject({ hotspotId: Id, hourlyHarm: z.array(z.number().min(0).max(1e9)).max(24 * 400) })).max(1000),
  }),
  'Expected harm per hotspot per real hour after the horizon start (168 entries repeat weekly).',
);

export const CoverRule = named(
  'CoverRule',
  z.strictObject({
    id: Id,
    shiftTypeIds: z.array(Id).max(100).optional(),
    weekdays: z.array(Weekday).max(7).optional(),
    ranks: z.array(Rank).max(5).optional(),
    skill: z.string().min(1).max(64).optional(),
    minOfficers: z.number().int().min(0).max(1000),
  }),
);

export const CoverTarget = named(
  'CoverTarget',
  z.strictObject({ shiftId: ShiftId, requiredOfficers: z.number().int().min(0).max(1000), weightUnder: Weight, weightOver: Weight }),
);

export const Pin = named('Pin', z.strictObject({ officerId: Id, shiftId: ShiftId, kind: z.enum(['on', 'off']) }));

export const Assignment = named('Assignment', z.strictObject({ officerId: Id, shiftId: ShiftId, pinned: z.boolean().optional() }));

const RuleSetting = z.strictObject({ enabled: z.boolean().optional(), hard: z.boolean().optional(), weight: Weight.optional() });
const Num = z.number().min(0).max(1e9);
const Int = z.number().int().min(0).max(100_000);

export const RotaPolicy = named(
  'RotaPolicy',
  z.strictObject({
    rules: z.record(Id, RuleSetting).optional(),
    maxShiftsPerDay: Int.optional(),
    minRestMinutes: Int.optional(),
    restDaysPer7Days: Int.optional(),
    maxConsecutiveWorkingDays: Int.optional(),
    minConsecutiveWorkingDays: Int.optional(),
    minConsecutiveDaysOff: Int.optional(),
    maxConsecutiveNights: Int.optional(),
    maxMinutesPer7Days: Int.optional(),
    maxAverageMinutesPerWeek: Int.optional(),
    maxWeekends: Int.optional(),
    coverRules: z.array(CoverRule).max(1000).optional(),
    patrolShare: z.number().min(0).max(1).optional(),
    harmCoverageCurve: z.array(z.strictObject({ officersPresent: Num, coveredFraction: z.number().min(0).max(1) })).max(100).optional(),
    dosageWeightPerHour: Num.optional(),
    costWeightPerHour: Num.optional(),
    overtimeMultiplier: Num.optional(),
    restDayNoticeDays: Int.optional(),
    restDayShortNoticeMultiplier: Num.optional(),
    restDayMinimumPaidMinutes: Int.optional(),
    publicHolidayMultiplier: Num.optional(),
    disruptionPenaltyPerChange: Num.optional(),
    hardViolationPenalty: Num.optional(),
    fairnessWeightPerNight: Num.optional(),
    fairnessWeightPerWeekend: Num.optional(),
    fairnessWeightPerHour: Num.optional(),
  }),
  'Overrides of the England & Wales default rules and thresholds; absent fields keep the default.',
);

// Compile-time checks: the build fails if the solver's domain types drift from the wire schemas.
export const domainChecks: [
  Same<z.infer<typeof Officer>, D.Officer>,
  Same<z.infer<typeof ShiftType>, D.ShiftType>,
  Same<z.infer<typeof Hotspot>, D.Hotspot>,
  Same<z.infer<typeof DemandForecast>, D.DemandForecast>,
  Same<z.infer<typeof Pin>, D.Pin>,
  Same<z.infer<typeof Assignment>, D.Assignment>,
  Same<z.infer<typeof CoverTarget>, D.CoverTarget>,
  Same<z.infer<typeof RotaPolicy>, Partial<D.RotaPolicy>>,
] = [true, true, true, true, true, true, true, true];
