import type * as D from '@patrolplan/solver';
import { z } from 'zod';
import { Id, LocalDate, named, Timestamp, type Same } from './common.js';
import { Assignment, CoverTarget, DemandForecast, Hotspot, Officer, Pin, RotaPolicy, ShiftType } from './domain.js';
import { checkScenario } from './scenarioChecks.js';

const scenarioFields = {
  name: z.string().min(1).max(200),
  timezone: z.string().min(1).max(64),
  startDate: LocalDate,
  days: z.number().int().min(1).max(366),
  officers: z.array(Officer).max(5000),
  shiftTypes: z.array(ShiftType).max(100),
  hotspots: z.array(Hotspot).max(1000),
  forecast: DemandForecast.optional(),
  policy: RotaPolicy.optional(),
  coverTargets: z.array(CoverTarget).max(100_000).optional(),
  pins: z.array(Pin).max(100_000).optional(),
  publicHolidays: z.array(LocalDate).max(400).optional(),
  previousAssignments: z.array(Assignment).max(1_000_000).optional(),
  planningInstant: Timestamp.optional(),
};

/** A complete scenario as stored and as given to the solver. */
export const Scenario = named('Scenario', z.strictObject({ id: Id, ...scenarioFields }).superRefine(checkScenario));

/** What a client sends to create or replace a scenario: `id` is optional (assigned by the server). */
export const ScenarioInput = named(
  'ScenarioInput',
  z.strictObject({ id: Id.optional(), ...scenarioFields }).superRefine(checkScenario),
  'A Scenario; `id` may be omitted on create and must match the path on replace.',
);

export const ScenarioRecord = named(
  'ScenarioRecord',
  z.object({ id: Id, version: z.number().int(), scenario: Scenario, createdAt: Timestamp, updatedAt: Timestamp }),
);

export const ScenarioSummary = named(
  'ScenarioSummary',
  z.object({
    id: Id,
    name: z.string(),
    version: z.number().int(),
    startDate: LocalDate,
    days: z.number().int(),
    officerCount: z.number().int(),
    hotspotCount: z.number().int(),
    updatedAt: Timestamp,
  }),
);
export const ScenarioList = named('ScenarioList', z.object({ items: z.array(ScenarioSummary) }));

/** A stored scenario as the API returns it. */
export type ScenarioRecordBody = z.infer<typeof ScenarioRecord>;
export const scenarioCheck: Same<z.infer<typeof Scenario>, D.Scenario> = true;

/** A stored scenario row joined with its current body. */
export interface ScenarioRow {
  id: string;
  name: string;
  version: number;
  body: string;
  created_at: string;
  updated_at: string;
}

/** Row → wire record: the one place stored scenarios become API responses. */
export function toScenarioRecord(row: ScenarioRow): ScenarioRecordBody {
  return { id: row.id, version: row.version, scenario: JSON.parse(row.body) as D.Scenario, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function toScenarioSummary(row: ScenarioRow): z.infer<typeof ScenarioSummary> {
  const s = JSON.parse(row.body) as D.Scenario;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    startDate: s.startDate,
    days: s.days,
    officerCount: s.officers.length,
    hotspotCount: s.hotspots.length,
    updatedAt: row.updated_at,
  };
}

/** Wire input → domain scenario with the server's id. */
export function toDomainScenario(input: z.infer<typeof ScenarioInput>, id: string): D.Scenario {
  return { ...input, id };
}
