import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.js';
import { useJob } from './useJob.js';
import type { AbstractionKind, Problem, RotaRecord, Scenario, ScenarioRecord, ScenarioSummary, SolveJob } from './types.js';

const toProblem = (err: unknown, title: string): Problem =>
  err instanceof ApiError ? err.problem : { title, status: 0, detail: err instanceof Error ? err.message : String(err) };

function readHash(): { scenarioId?: string; rotaId?: string } {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return { scenarioId: params.get('scenario') ?? undefined, rotaId: params.get('rota') ?? undefined };
}
function writeHash(scenarioId?: string, rotaId?: string) {
  const params = new URLSearchParams();
  if (scenarioId) params.set('scenario', scenarioId);
  if (rotaId) params.set('rota', rotaId);
  const next = `#${params.toString()}`;
  if (window.location.hash !== next) window.history.replaceState(null, '', next);
}

/** The sergeant's working session: the open Scenario, its latest Rota, the solve job, and the edits. */
export function useSession() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [record, setRecord] = useState<ScenarioRecord | null>(null);
  const [rota, setRota] = useState<RotaRecord | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const guard = useCallback(async <T,>(title: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setProblem(null);
    try {
      return await work();
    } catch (err) {
      setProblem(toProblem(err, title));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const refreshList = useCallback(
    () =>
      guard('Could not list scenarios', async () => {
        const items = await api.listScenarios();
        setScenarios(items);
        return items;
      }),
    [guard],
  );

  const open = useCallback(
    (scenarioId: string, rotaId?: string) =>
      guard('Could not open the scenario', async () => {
        const rec = await api.getScenario(scenarioId);
        setRecord(rec);
        let id = rotaId;
        if (!id) {
          const rotas = await api.listRotas(scenarioId).catch(() => []);
          id = [...rotas].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0]?.id;
        }
        setRota(id ? await api.getRota(id) : null);
        writeHash(scenarioId, id);
      }),
    [guard],
  );

  const onJobEnd = useCallback(
    async (j: SolveJob) => {
      if (j.status === 'failed') return setProblem({ title: 'The solve failed', status: 0, detail: j.error ?? undefined });
      if (!j.rotaId) return setNotice(j.status === 'cancelled' ? 'Solve cancelled before a rota was found.' : 'The solve returned no rota.');
      await guard('Could not load the rota', async () => {
        const next = await api.getRota(j.rotaId!);
        setRota(next);
        setRecord(await api.getScenario(next.scenarioId));
        writeHash(next.scenarioId, next.id);
        const r = j.result;
        setNotice(`${j.status === 'cancelled' ? 'Cancelled; showing the best rota so far' : 'Solved'}${r ? ` (${r.status}, ${r.hardViolations} hard-rule breaches)` : ''}.`);
      });
    },
    [guard],
  );
  const job = useJob((j) => void onJobEnd(j));

  useEffect(() => {
    const { scenarioId, rotaId } = readHash();
    void refreshList().then((items) => {
      // Without a scenario in the URL, open the most recently updated one.
      if (!scenarioId && items?.[0]) void open(items[0].id);
    });
    if (scenarioId) void open(scenarioId, rotaId);
  }, [refreshList, open]);

  const scenarioId = record?.id;
  const actions = {
    refreshList,
    open,
    importScenario: (scenario: Scenario) =>
      guard('Could not import the scenario', async () => {
        const rec = await api.createScenario(scenario);
        await refreshList();
        await open(rec.id);
        setNotice(`Imported “${rec.scenario.name}”.`);
      }),
    solve: (timeLimitSeconds: number) =>
      scenarioId && guard('Could not start the solve', async () => job.follow(await api.startSolve(scenarioId, { timeLimitSeconds }))),
    resolve: (timeLimitSeconds: number) =>
      rota && guard('Could not start the re-solve', async () => job.follow(await api.resolve(rota.id, { timeLimitSeconds }))),
    pin: (officerId: string, shiftId: string, kind: 'on' | 'off') =>
      rota && guard('Could not pin', async () => {
        const pins = await api.pin(rota.id, { officerId, shiftId, kind });
        setRecord((r) => (r ? { ...r, scenario: { ...r.scenario, pins } } : r));
        setNotice(`Pinned ${kind}. Re-solve to apply it.`);
      }),
    unpin: (officerId: string, shiftId: string) =>
      rota && guard('Could not unpin', async () => {
        const pins = await api.unpin(rota.id, { officerId, shiftId });
        setRecord((r) => (r ? { ...r, scenario: { ...r.scenario, pins } } : r));
        setNotice('Unpinned.');
      }),
    addAbstraction: async (officerId: string, a: { kind: AbstractionKind; start: string; end: string }) => {
      if (!scenarioId) return false;
      const rec = await guard('Could not save the abstraction', () => api.addAbstraction(scenarioId, officerId, a));
      if (rec) {
        setRecord(rec);
        setNotice(`Marked ${a.kind}. Re-solve to move the duties.`);
      }
      return !!rec;
    },
    publish: () =>
      rota && guard('Could not publish', async () => {
        setRota(await api.publish(rota.id));
        setNotice('Rota published.');
      }),
    saved: (rec: ScenarioRecord) => {
      const asNew = rec.id !== record?.id;
      if (asNew) void open(rec.id);
      else setRecord(rec);
      void refreshList();
      setNotice(asNew ? `Saved as a new scenario “${rec.scenario.name}”.` : `Saved version ${rec.version}. Re-solve to apply the changes.`);
    },
    dismiss: () => (setProblem(null), setNotice('')),
  };

  return { scenarios, record, rota, problem, notice, busy, job, actions };
}
