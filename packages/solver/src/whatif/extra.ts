import type { Scenario } from '../domain/scenario.js';
import type { Officer } from '../domain/types.js';
import type { OfficerProfile } from '../solve/types.js';

/** Id of the k-th hypothetical officer (1-based). */
export const extraOfficerId = (k: number) => `extra-${k}`;

/** The scenario with `count` hypothetical officers of the profile added. */
export function withExtraOfficers(scenario: Scenario, count: number, profile: OfficerProfile): Scenario {
  const extra: Officer[] = Array.from({ length: count }, (_, i) => ({
    id: extraOfficerId(i + 1),
    name: `Extra officer ${i + 1}`,
    rank: profile.rank,
    skills: [...profile.skills],
    contractMinutesPerWeek: profile.contractMinutesPerWeek,
    abstractions: [],
    requests: [],
  }));
  return { ...scenario, officers: [...scenario.officers, ...extra] };
}
