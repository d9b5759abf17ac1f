import { availability } from './availability.js';
import { harmCoverage } from './harmCoverage.js';
import { hotspotSaturation } from './hotspotSaturation.js';
import { minimumCover } from './minimumCover.js';
import { minimumRest } from './minimumRest.js';
import { oneShiftPerDay } from './oneShiftPerDay.js';
import { patrolCapacity } from './patrolCapacity.js';
import type { Rule } from './rule.js';

/** Every rota rule, hard rules first (the order findings and docs use). */
export const RULES: readonly Rule[] = [
  availability,
  oneShiftPerDay,
  minimumRest,
  minimumCover,
  patrolCapacity,
  hotspotSaturation,
  harmCoverage,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
