import type { OfficerProfile, Rota, Scenario, SolveOptions, SolveProgress, SolveResult, WhatIfResult } from '@patrolplan/solver';

/** Options a solve task carries across the thread boundary (no callbacks, no signal). */
export type SolveTaskOptions = Omit<SolveOptions, 'onProgress' | 'signal'>;

/** Options of a what-if task. */
export interface WhatIfTaskOptions {
  extraOfficers: number;
  profile: OfficerProfile;
  timeLimitSeconds?: number;
}

/** Work for a pool thread. */
export type Task =
  | { jobId: string; kind: 'solve'; scenario: Scenario; options: SolveTaskOptions }
  | { jobId: string; kind: 'whatIf'; scenario: Scenario; options: WhatIfTaskOptions };

/** Main thread → pool thread. */
export type ToWorker = { type: 'run'; task: Task } | { type: 'cancel'; jobId: string };

/** Pool thread → main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; jobId: string; progress: SolveProgress }
  | { type: 'incumbent'; jobId: string; rota: Rota; objective: number }
  | { type: 'result'; jobId: string; result: SolveResult }
  | { type: 'whatIf'; jobId: string; result: WhatIfResult }
  | { type: 'error'; jobId: string; message: string };

/** How a task ended, as the pool reports it. */
export type TaskOutcome =
  /** `sawIncumbent`: the search reported a rota before ending (false: the rota is a placeholder). */
  | { kind: 'result'; result: SolveResult; sawIncumbent: boolean }
  | { kind: 'whatIf'; result: WhatIfResult }
  /** The thread was terminated (cancel ignored or watchdog); `incumbent` is its last rota, if any. */
  | { kind: 'killed'; reason: string; incumbent: Rota | null }
  /** Cancelled while still queued. */
  | { kind: 'dequeued' }
  | { kind: 'error'; message: string };

/** Callbacks while a task runs. */
export interface TaskEvents {
  onStart?: () => void;
  onProgress?: (progress: SolveProgress) => void;
}
