import type { Rota } from '../domain/rota.js';
import type { RotaModel } from '../model/rotaModel.js';

/** Turn an engine's point into a Rota (assignments at 1, deployments above a hair). */
export function decodeRota(model: RotaModel, values: ArrayLike<number>): Rota {
  const pinned = new Set((model.ctx.scenario.pins ?? []).filter((p) => p.kind === 'on').map((p) => `${p.officerId}|${p.shiftId}`));
  const assignments = model
    .assignEntries()
    .filter((e) => values[e.variable] > 0.5)
    .map((e) => ({ officerId: e.officerId, shiftId: e.shiftId, ...(pinned.has(`${e.officerId}|${e.shiftId}`) ? { pinned: true } : {}) }));
  const deployments = model
    .deployEntries()
    .filter((e) => values[e.variable] > 1e-7)
    .map((e) => ({ hotspotId: e.hotspotId, shiftId: e.shiftId, officerHours: values[e.variable] }));
  return { scenarioId: model.ctx.scenario.id, assignments, deployments };
}

/** The assignment part of a point as a start vector for the same model (deployments left to the engine). */
export function assignmentStart(model: RotaModel, rota: Rota): Map<number, number> {
  const on = new Set(rota.assignments.map((a) => `${a.officerId}|${a.shiftId}`));
  return new Map(model.assignEntries().map((e) => [e.variable, on.has(`${e.officerId}|${e.shiftId}`) ? 1 : 0]));
}
