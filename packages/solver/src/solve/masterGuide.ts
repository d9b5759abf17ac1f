import type { PatternPool } from './master.js';
import { guidePoint } from './masterChoice.js';

/**
 * The master LP solution that guides fix-and-optimise (see guidedNeighbourhood), in model
 * columns, kept for this thread and posted to the other. Every whole master's solution replaces
 * it while generation goes on; a neighbourhood dive's first LP (when it beats the incumbent)
 * only until the whole master has converged, which then guides to the end.
 */
export class MasterGuide {
  private point: Float64Array | null = null;
  private converged = false;

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

  /** Generation has converged on the last master: it guides from now on. */
  markConverged(): void {
    this.converged = true;
  }

  /** A neighbourhood dive's first LP, restricted around the incumbent. */
  fromDive(lpValues: Float64Array): void {
    if (!this.converged) this.fromMaster(lpValues);
  }
}
