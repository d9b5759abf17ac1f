/** Labels of the roster labeling (labeling.ts) and how a stage's labels are thinned. */

/** The nonzero columns of the stages walked so far, newest first (shared between labels). */
export interface Trail {
  cols: number[];
  values: number[];
  prev: Trail | null;
}

/**
 * One stage's labels (partial rosters) as parallel arrays: a label is an index, and its open row
 * sums sit at `index × slots` in `sums`. A typed array per label cost more than the walk itself
 * (pricing is most of the second core's time), so two stores serve every labeling of a thread,
 * stage after stage (one pair per officer kept 2 × peak labels × slots doubles for each officer).
 */
export class LabelStore {
  size = 0;
  cost = new Float64Array(0);
  /** Cost plus the most the stages left can add (set at each stage's end; the beam keeps the best). */
  promise = new Float64Array(0);
  /** The move of the last stage (which shift, or none): beams keep a spread of them. */
  move = new Int32Array(0);
  trail: (Trail | null)[] = [];
  sums = new Float64Array(0);

  /** Row sums per label (set by `reset`). */
  slots = 0;

  /** Empties the store for labels of `slots` sums each. */
  reset(slots: number): void {
    this.slots = slots;
    if (this.sums.length < this.cost.length * slots) this.sums = new Float64Array(this.cost.length * slots);
    this.clear();
  }

  clear(): void {
    this.size = 0;
    this.trail.length = 0;
  }

  /** Index of the next label, with room made for it; it counts once `size` moves past it. */
  reserve(): number {
    if (this.size >= this.cost.length) this.grow(Math.max(64, this.cost.length * 2));
    return this.size;
  }

  /** Copies label `i` of `from` to the end of this store. */
  copyFrom(from: LabelStore, i: number): void {
    const j = this.reserve();
    const n = this.slots;
    this.cost[j] = from.cost[i];
    this.promise[j] = from.promise[i];
    this.move[j] = from.move[i];
    this.trail[j] = from.trail[i];
    for (let k = 0, a = i * n, b = j * n; k < n; k++) this.sums[b + k] = from.sums[a + k];
    this.size++;
  }

  private grow(capacity: number): void {
    // A store reset to fewer slots may already hold more sums than the new capacity needs: it
    // never shrinks.
    const widen = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T, n: number): T => {
      const next = make(Math.max(n, old.length));
      next.set(old);
      return next;
    };
    this.cost = widen(this.cost, (n) => new Float64Array(n), capacity);
    this.promise = widen(this.promise, (n) => new Float64Array(n), capacity);
    this.move = widen(this.move, (n) => new Int32Array(n), capacity);
    this.sums = widen(this.sums, (n) => new Float64Array(n), capacity * this.slots);
  }
}

/**
 * The `cap` most promising of `chosen`, but first the best of each last move: a beam of labels
 * that all worked the same shift yesterday can walk together into a dead end (a run that must go
 * on into a type already at its cap); one that ended its run on another day survives.
 */
export function diverseBest(labels: LabelStore, chosen: number[], cap: number): number[] {
  const { promise, move } = labels;
  chosen.sort((a, b) => promise[b] - promise[a] || a - b);
  const seen = new Set<number>();
  const first: number[] = [];
  const rest: number[] = [];
  for (const i of chosen) {
    if (!seen.has(move[i]) && first.length < cap) {
      seen.add(move[i]);
      first.push(i);
    } else if (rest.length < cap) rest.push(i);
  }
  return first.concat(rest.slice(0, cap - first.length));
}

/** Most kept labels a new label is compared with (dominance is quadratic; beyond it, keep). */
const DOMINANCE_SCAN = 300;

/**
 * The labels of `chosen` no other label beats: one at least as cheap whose open rows are each as
 * good (smaller sum where only an upper bound binds, larger where only a lower one does, equal
 * otherwise). Labels are grouped by their equal-only sums first, so the quadratic check runs
 * within a group.
 */
export function undominated(labels: LabelStore, chosen: number[], dirs: Int8Array): number[] {
  const { sums, cost, slots } = labels;
  const equal: number[] = [];
  const ordered: number[] = [];
  for (let i = 0; i < dirs.length; i++) {
    if (dirs[i] === 0) equal.push(i);
    else if (dirs[i] !== 2) ordered.push(i);
  }
  const groups = new Map<number, number[]>();
  for (const i of chosen) {
    let h = 2166136261;
    for (const k of equal) h = Math.imul(h ^ ((sums[i * slots + k] * 1000003 + k) | 0), 16777619);
    const group = groups.get(h);
    if (group) group.push(i);
    else groups.set(h, [i]);
  }
  const out: number[] = [];
  for (const group of groups.values()) {
    if (group.length > 1) group.sort((a, b) => cost[b] - cost[a] || a - b);
    const first = out.length;
    for (const i of group) {
      let dominated = false;
      for (let k = first; k < out.length && k - first < DOMINANCE_SCAN && !dominated; k++) dominated = dominates(labels, out[k], i, equal, ordered, dirs);
      if (!dominated) out.push(i);
    }
  }
  // Back in the order the walk made them (parent, then best move first): the beam breaks ties by it.
  return out.sort((a, b) => a - b);
}

function dominates(labels: LabelStore, a: number, b: number, equal: number[], ordered: number[], dirs: Int8Array): boolean {
  const { sums, slots } = labels;
  if (labels.cost[a] < labels.cost[b]) return false;
  const pa = a * slots;
  const pb = b * slots;
  for (const k of ordered) {
    const x = sums[pa + k];
    const y = sums[pb + k];
    if (dirs[k] > 0 ? x < y : x > y) return false;
  }
  // Equal hashes may still hide different sums.
  for (const k of equal) if (sums[pa + k] !== sums[pb + k]) return false;
  return true;
}
