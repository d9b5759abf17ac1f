import type { RotaPolicy } from '../domain/policy.js';

/** A linear piece of the harm-coverage curve. */
export interface CurveSegment {
  widthOfficers: number;
  /** Covered fraction per officer present on this piece. */
  slope: number;
}

/**
 * The concave coverage curve as segments with falling slopes. Throws if the policy's curve is not
 * concave, because the LP's "fill the steepest piece first" relies on it.
 */
export function curveSegments(policy: RotaPolicy): CurveSegment[] {
  const points = [...policy.harmCoverageCurve].sort((a, b) => a.officersPresent - b.officersPresent);
  const segments: CurveSegment[] = [];
  let prev = { officersPresent: 0, coveredFraction: 0 };
  for (const p of points) {
    const width = p.officersPresent - prev.officersPresent;
    if (width <= 0) continue;
    segments.push({ widthOfficers: width, slope: (p.coveredFraction - prev.coveredFraction) / width });
    prev = p;
  }
  segments.forEach((s, i) => {
    if (i > 0 && s.slope > segments[i - 1].slope + 1e-12) throw new Error('policy.harmCoverageCurve must be concave (slopes must not rise)');
  });
  return segments;
}

/** Fraction of harm covered with `officersPresent` on average (flat beyond the last point). */
export function coveredFraction(segments: CurveSegment[], officersPresent: number): number {
  let left = Math.max(0, officersPresent);
  let total = 0;
  for (const s of segments) {
    const used = Math.min(left, s.widthOfficers);
    total += used * s.slope;
    left -= used;
  }
  return total;
}
