/** Labels of the roster labeling (labeling.ts) and how a stage's labels are thinned. */

/** The nonzero columns of the stages walked so far, newest first (shared between labels). */
export interface Trail {
  cols: number[];
  values: number[];
  prev: Trail | null;
}

/** A partial roster: its cost so far, the sums of the rows still open, and how it got there. */
export interface Label {
  cost: number;
  /** Cost plus the most the stages left can add (set at each stage's end; the beam keeps the best). */
  promise: number;
  /** The move of the last stage (which shift, or none): beams keep a spread of them. */
  move: number;
  sums: Float64Array;
  trail: Trail | null;
}

/**
 * The `cap` most promising labels, but first the best of each last move: a beam of labels that
 * all worked the same shift yesterday can walk together into a dead end (a run that must go on
 * into a type already at its cap); one that ended its run on another day survives.
 */
export function diverseBest(labels: Label[], cap: number): Label[] {
  labels.sort((a, b) => b.promise - a.promise);
  const seen = new Set<number>();
  const first: Label[] = [];
  const rest: Label[] = [];
  for (const label of labels) {
    if (!seen.has(label.move) && first.length < cap) {
      seen.add(label.move);
      first.push(label);
    } else rest.push(label);
  }
  return [...first, ...rest.slice(0, cap - first.length)];
}

/** Most kept labels a new label is compared with (dominance is quadratic; beyond it, keep). */
const DOMINANCE_SCAN = 300;

/**
 * Labels no other label beats: one at least as cheap whose open rows are each as good (smaller
 * sum where only an upper bound binds, larger where only a lower one does, equal otherwise).
 */
export function undominated(labels: Label[], dirs: Int8Array): Label[] {
  const groups = new Map<number, Label[]>();
  for (const label of labels) {
    let h = 2166136261;
    for (let i = 0; i < dirs.length; i++) if (dirs[i] === 0) h = Math.imul(h ^ ((label.sums[i] * 1000003 + i) | 0), 16777619);
    const group = groups.get(h);
    if (group) group.push(label);
    else groups.set(h, [label]);
  }
  const out: Label[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => b.cost - a.cost);
    const kept: Label[] = [];
    for (const label of group) {
      let dominated = false;
      for (let k = 0; k < kept.length && k < DOMINANCE_SCAN && !dominated; k++) dominated = dominates(kept[k], label, dirs);
      if (!dominated) kept.push(label);
    }
    for (const label of kept) out.push(label);
  }
  return out;
}

function dominates(a: Label, b: Label, dirs: Int8Array): boolean {
  if (a.cost < b.cost) return false;
  for (let i = 0; i < dirs.length; i++) {
    const d = dirs[i];
    if (d === 2) continue;
    const x = a.sums[i];
    const y = b.sums[i];
    if (d === 0 ? x !== y : d > 0 ? x < y : x > y) return false;
  }
  return true;
}
