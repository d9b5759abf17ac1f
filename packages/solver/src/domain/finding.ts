/** How strongly a rule binds: hard rules define a lawful rota, soft rules are weighed. */
export type RuleKind = 'hard' | 'soft';

/**
 * One rule's verdict on a rota: who, when, where, how much (with its unit) and a sentence a
 * sergeant can read. For soft rules `penalty` is the objective cost; for the harm-coverage
 * rule findings describe unmet harm.
 */
export interface Finding {
  ruleId: string;
  kind: RuleKind;
  /** True when a hard rule does not hold. */
  violation: boolean;
  officerId?: string;
  shiftId?: string;
  hotspotId?: string;
  date?: string;
  amount: number;
  unit: string;
  /** Contribution to the objective (negative for penalties), in objective units. */
  penalty: number;
  message: string;
}
