/** A linear term: coefficient × variable (by index). */
export type Term = [variable: number, coefficient: number];

/** Variable domain. */
export type VarType = 'binary' | 'integer' | 'continuous';

/** Where a row came from, so a violated (elastic) row can be explained. */
export interface RowOrigin {
  ruleId: string;
  officerId?: string;
  shiftId?: string;
  hotspotId?: string;
  date?: string;
  unit?: string;
}

/** A constraint `lower ≤ Σ terms ≤ upper`. */
export interface Row {
  name: string;
  terms: Term[];
  lower: number;
  upper: number;
  origin?: RowOrigin;
}

/**
 * An engine-neutral MIP in maximisation form with readable names (`assign:<officer>@<shift>`).
 * Engines translate it; the names never reach them unless asked, so odd ids are harmless.
 */
export class LinearModel {
  readonly names: string[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly cost: number[] = [];
  readonly types: VarType[] = [];
  readonly rows: Row[] = [];
  private readonly byName = new Map<string, number>();
  /** Constant added to the objective. */
  offset = 0;

  addVar(name: string, opts: { lower?: number; upper?: number; cost?: number; type?: VarType } = {}): number {
    if (this.byName.has(name)) throw new Error(`duplicate variable ${name}`);
    const type = opts.type ?? 'continuous';
    const index = this.names.length;
    this.names.push(name);
    this.lower.push(opts.lower ?? 0);
    this.upper.push(opts.upper ?? (type === 'binary' ? 1 : Infinity));
    this.cost.push(opts.cost ?? 0);
    this.types.push(type);
    this.byName.set(name, index);
    return index;
  }

  varIndex(name: string): number | undefined {
    return this.byName.get(name);
  }

  addCost(variable: number, amount: number): void {
    this.cost[variable] += amount;
  }

  /** Adds `lower ≤ Σ terms ≤ upper`, merging repeated variables; an empty row is checked, not added. */
  addRow(name: string, terms: Term[], lower: number, upper: number, origin?: RowOrigin): number {
    this.rows.push({ name, terms: this.cleanTerms(terms), lower, upper, origin });
    return this.rows.length - 1;
  }

  // Row terms are read-only once added: ±1 terms (most of any rota model) are one shared tuple
  // per variable, so a nonzero costs a pointer, not a fresh array. Not frozen: V8 destructures
  // frozen arrays several times slower, and every engine reads the rows term by term.
  private readonly plusOne: Term[] = [];
  private readonly minusOne: Term[] = [];
  /** seen[v] === stamp when v already occurred in the row being added (duplicate check). */
  private seen = new Int32Array(0);
  private stamp = 0;

  private unitTerm(v: number, c: number): Term {
    const cache = c === 1 ? this.plusOne : this.minusOne;
    return (cache[v] ??= [v, c]);
  }

  /** Terms merged by variable in first-occurrence order, zero coefficients dropped. */
  private cleanTerms(terms: Term[]): Term[] {
    const n = this.names.length;
    if (this.seen.length < n) this.seen = new Int32Array(Math.max(n, 2 * this.seen.length));
    if (++this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    let simple = true;
    for (const [v, c] of terms) {
      // Repeated or unknown variables and zero coefficients take the general path below.
      if (!(Number.isInteger(v) && v >= 0 && v < n) || this.seen[v] === this.stamp || c === 0) {
        simple = false;
        break;
      }
      this.seen[v] = this.stamp;
    }
    if (simple) return terms.map(([v, c]) => (c === 1 || c === -1 ? this.unitTerm(v, c) : [v, c]));
    const merged = new Map<number, number>();
    for (const [v, c] of terms) merged.set(v, (merged.get(v) ?? 0) + c);
    return [...merged].filter(([, c]) => c !== 0).map(([v, c]) => (Number.isInteger(v) && v >= 0 && v < n && (c === 1 || c === -1) ? this.unitTerm(v, c) : [v, c]));
  }

  /** Fix a variable's value (pins, availability) by its bounds. */
  fix(variable: number, value: number): void {
    this.lower[variable] = value;
    this.upper[variable] = value;
  }

  get integerCount(): number {
    return this.types.filter((t) => t !== 'continuous').length;
  }

  /** Objective value of a point (for checking engines). */
  objectiveOf(values: ArrayLike<number>): number {
    let total = this.offset;
    for (let j = 0; j < this.cost.length; j++) total += this.cost[j] * values[j];
    return total;
  }

  /** Largest bound or row violation of a point, and whether integers are integral (within tol). */
  check(values: ArrayLike<number>, tolerance = 1e-6): { maxViolation: number; integral: boolean } {
    let maxViolation = 0;
    let integral = true;
    for (let j = 0; j < this.names.length; j++) {
      maxViolation = Math.max(maxViolation, this.lower[j] - values[j], values[j] - this.upper[j]);
      if (this.types[j] !== 'continuous' && Math.abs(values[j] - Math.round(values[j])) > tolerance) integral = false;
    }
    for (const row of this.rows) {
      let activity = 0;
      for (const [v, c] of row.terms) activity += c * values[v];
      maxViolation = Math.max(maxViolation, row.lower - activity, activity - row.upper);
    }
    return { maxViolation, integral };
  }
}
