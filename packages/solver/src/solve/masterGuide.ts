import type { PatternPool } from './master.js';
import { guidePoint } from './masterChoice.js';

/**
 * The master LP solution that guides fix-and-optimise (see guidedNeighbourhood), in model
 * columns, kept for this thread and posted to the other. Every whole master's solution replaces
 * it while generation goes on, and the last guides to the end. A neighbourhood dive's LP does
 * not: it is re-generated for the officers the dive frees, and agrees with the incumbent on the
 * rest, so guided neighbourhoods from it reach only those officers. On Curtois 12 (generation
 * never converges in the minute) guiding by the dives' LPs as well gave 4166–4276 in four runs,
 * by the whole master alone 4062–4072 in four (with weekly neighbourhoods in both).
 */
export class MasterGuide {
  private point: Float64Array | null = null;

  constructor(
    private readonly pool: PatternPool,
    private readonly post?: (values: Float64Array) => void,
  ) {}

  /** The latest guide, or null before the first master. */
  get(): Float64Array | null {
    return this.point;
  }

  /** A whole master's solution (every round of generation posts one). */
  fromMaster(lpValues: Float64Array): void {
    this.point = guidePoint(this.pool, lpValues);
    this.post?.(this.point);
  }
}
