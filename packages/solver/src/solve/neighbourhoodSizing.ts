import type { NeighbourhoodKind } from './neighbourhoods.js';

/** Most seconds the engine gets for one neighbourhood. */
const MAX_SECONDS = 5;
/** Least seconds: below this a neighbourhood the engine would close is cut short for nothing. */
const MIN_SECONDS = 1;
/** A neighbourhood's limit is this many times what closing one of its kind has taken lately. */
const LIMIT_PER_TYPICAL = 3;
/** Largest neighbourhood in free binaries, whatever the timing says. */
const MAX_BINARIES = 8000;
/** Smallest a shrinking kind gets, in free binaries (or the cap, if smaller). */
const MIN_BINARIES = 200;
/** Growth of a kind the engine closes easily, and shrinkage of one that runs out its time. */
const GROW = 1.3;
const SHRINK = 0.75;
/** Weight of the latest closing time in a kind's typical seconds. */
const TIME_WEIGHT = 0.3;

/** Least chance any kind keeps of being drawn, however little it has gained lately. */
const LEAST_SHARE = 0.15;
/** Weight of the latest run in a kind's gain rate. */
const RATE_WEIGHT = 0.2;

/** How one neighbourhood's solve went, as sizing needs it. */
export interface NeighbourhoodRun {
  status: string;
  seconds: number;
  /** Objective gained over the incumbent (0 when nothing better was found). */
  gain?: number;
}

/**
 * Per kind of neighbourhood, how many binaries to free and how long the engine gets (grown while
 * the engine closes them easily, shrunk when it cannot), and which kind to cut next. Kinds keep
 * their own sizes because they differ: on Curtois 8 whole-team day windows of 900 columns closed in 0.1 s while six
 * officers' rosters (also 900) ran out their 5 s, and one shared size swung between the two.
 * Solve times are bimodal (a tenth of a second, or past any limit), so the limit follows what
 * closing one has taken rather than a fixed 5 s.
 */
export class NeighbourhoodSizing {
  private readonly kinds = new Map<NeighbourhoodKind, { binaries: number; typicalSeconds: number; gainRate: number | null }>();

  /** `first` free binaries to start with, never more than `cap`. */
  constructor(
    private readonly first: number,
    private readonly cap: number,
  ) {}

  private of(kind: NeighbourhoodKind) {
    let state = this.kinds.get(kind);
    if (!state) this.kinds.set(kind, (state = { binaries: this.first, typicalSeconds: MAX_SECONDS / LIMIT_PER_TYPICAL, gainRate: null }));
    return state;
  }

  binaries(kind: NeighbourhoodKind): number {
    return this.of(kind).binaries;
  }

  seconds(kind: NeighbourhoodKind): number {
    return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, LIMIT_PER_TYPICAL * this.of(kind).typicalSeconds));
  }

  record(kind: NeighbourhoodKind, run: NeighbourhoodRun): void {
    const state = this.of(kind);
    const limit = this.seconds(kind);
    const rate = (run.gain ?? 0) / Math.max(0.05, run.seconds);
    state.gainRate = state.gainRate === null ? rate : (1 - RATE_WEIGHT) * state.gainRate + RATE_WEIGHT * rate;
    if (run.status === 'optimal') state.typicalSeconds = (1 - TIME_WEIGHT) * state.typicalSeconds + TIME_WEIGHT * run.seconds;
    if (run.seconds < 1 || (run.status === 'optimal' && run.seconds < 2)) state.binaries = Math.min(state.binaries * GROW, MAX_BINARIES, this.cap);
    else if (run.seconds > Math.min(3, 0.9 * limit)) state.binaries = Math.max(Math.min(MIN_BINARIES, this.cap), state.binaries * SHRINK);
  }

  /**
   * The kind to cut next (adaptive large-neighbourhood search): one never tried first, else drawn
   * in proportion to the objective each has gained per second lately, every kind keeping a
   * floor. On Curtois 8 and 12 day windows gained about three times what officer groups did per
   * neighbourhood, on Instance9 officer groups gained more.
   */
  pick<K extends NeighbourhoodKind>(kinds: readonly K[], random: () => number): K {
    const untried = kinds.find((k) => this.of(k).gainRate === null);
    if (untried) return untried;
    const rates = kinds.map((k) => Math.max(0, this.of(k).gainRate!));
    const total = rates.reduce((a, b) => a + b, 0);
    const shares = rates.map((r) => LEAST_SHARE + (1 - LEAST_SHARE * kinds.length) * (total > 0 ? r / total : 1 / kinds.length));
    let draw = random();
    for (let i = 0; i < kinds.length; i++) if ((draw -= shares[i]) < 0) return kinds[i];
    return kinds[kinds.length - 1];
  }
}
