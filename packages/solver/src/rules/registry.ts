import { availability } from './availability.js';
import { forbiddenSuccession } from './forbiddenSuccession.js';
import { harmCoverage } from './harmCoverage.js';
import { hotspotSaturation } from './hotspotSaturation.js';
import { maxConsecutiveDays } from './maxConsecutiveDays.js';
import { maxConsecutiveNights } from './maxConsecutiveNights.js';
import { maxShiftsPerType } from './maxShiftsPerType.js';
import { maxWeekends } from './maxWeekends.js';
import { minConsecutiveDays } from './minConsecutiveDays.js';
import { minConsecutiveDaysOff } from './minConsecutiveDaysOff.js';
import { minimumCover } from './minimumCover.js';
import { minimumRest } from './minimumRest.js';
import { oneShiftPerDay } from './oneShiftPerDay.js';
import { patrolCapacity } from './patrolCapacity.js';
import { pinnedAssignments } from './pinnedAssignments.js';
import { restDays } from './restDays.js';
import { skills } from './skills.js';
import { totalMinutes } from './totalMinutes.js';
import { workingTime } from './workingTime.js';
import { coverTargets } from './coverTargets.js';
import { disruption } from './disruption.js';
import { fairness } from './fairness.js';
import { hotspotDosage } from './hotspotDosage.js';
import { overtime } from './overtime.js';
import { requests } from './requests.js';
import { restDayWorking } from './restDayWorking.js';
import type { Rule } from './rule.js';

/** Every rota rule, hard rules first (the order findings and docs use). */
export const RULES: readonly Rule[] = [
  availability,
  skills,
  oneShiftPerDay,
  minimumRest,
  forbiddenSuccession,
  restDays,
  maxConsecutiveDays,
  minConsecutiveDays,
  minConsecutiveDaysOff,
  maxConsecutiveNights,
  workingTime,
  totalMinutes,
  maxShiftsPerType,
  maxWeekends,
  minimumCover,
  pinnedAssignments,
  patrolCapacity,
  hotspotSaturation,
  harmCoverage,
  hotspotDosage,
  coverTargets,
  requests,
  fairness,
  overtime,
  restDayWorking,
  disruption,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
