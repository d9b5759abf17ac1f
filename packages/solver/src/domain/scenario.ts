import type { RotaPolicy } from './policy.js';
import type { CoverTarget, DemandForecast, Hotspot, Officer, Pin, ShiftType } from './types.js';
import type { Assignment } from './rota.js';

/**
 * Everything the solver needs for one planning horizon. This is the documented scenario JSON
 * format (README "Scenario format"); `policy` holds only overrides of the defaults.
 */
export interface Scenario {
  id: string;
  name: string;
  /** IANA timezone; shift instants are computed in it. */
  timezone: string;
  /** First local date of the horizon `YYYY-MM-DD`. */
  startDate: string;
  days: number;
  officers: Officer[];
  shiftTypes: ShiftType[];
  hotspots: Hotspot[];
  forecast?: DemandForecast;
  policy?: Partial<RotaPolicy>;
  /** Soft staffing targets per shift (e.g. the rostering benchmark's cover rows). */
  coverTargets?: CoverTarget[];
  pins?: Pin[];
  /** Local dates of public holidays (paid at the policy's public-holiday multiplier). */
  publicHolidays?: string[];
  /**
   * The published rota a re-solve starts from: changes against it cost the disruption penalty,
   * and a rest day turned into a duty is costed as rest-day working.
   */
  previousAssignments?: Assignment[];
  /** The instant the plan is made (notice periods count from it); defaults to the horizon start. */
  planningInstant?: string;
}
