import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api.js';
import type { SolveJob } from './types.js';

const TERMINAL = new Set(['completed', 'cancelled', 'failed']);

/**
 * Follows one solve job: polls it until it ends, exposes its progress, and cancels it on request.
 * `onEnd` runs once with the final job (completed, cancelled with its best rota, or failed).
 */
export function useJob(onEnd: (job: SolveJob) => void, intervalMs = 400) {
  const [job, setJob] = useState<SolveJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;
  const current = useRef<string | null>(null);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const finish = useCallback((j: SolveJob) => {
    stop();
    current.current = null;
    setJob(j);
    endRef.current(j);
  }, []);

  const poll = useCallback(
    async (id: string) => {
      if (current.current !== id) return;
      try {
        const j = await api.getJob(id);
        if (current.current !== id) return;
        if (TERMINAL.has(j.status)) return finish(j);
        setJob(j);
      } catch (err) {
        setError(err instanceof ApiError ? err.message : String(err));
      }
      timer.current = setTimeout(() => void poll(id), intervalMs);
    },
    [finish, intervalMs],
  );

  /** Start following a job the API just accepted. */
  const follow = useCallback(
    (j: SolveJob) => {
      stop();
      setError(null);
      setJob(j);
      if (TERMINAL.has(j.status)) return finish(j);
      current.current = j.id;
      timer.current = setTimeout(() => void poll(j.id), intervalMs);
    },
    [finish, poll, intervalMs],
  );

  const cancel = useCallback(async () => {
    const id = current.current;
    if (!id) return;
    try {
      const j = await api.cancelJob(id);
      if (TERMINAL.has(j.status)) finish(j);
    } catch (err) {
      // 409: the job ended meanwhile; the poll picks up its final state.
      if (!(err instanceof ApiError && err.status === 409)) setError(err instanceof ApiError ? err.message : String(err));
    }
  }, [finish]);

  const running = !!job && !TERMINAL.has(job.status);
  return { job, running, error, follow, cancel };
}
