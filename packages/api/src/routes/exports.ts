import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { rotaCsv } from '../exports/csv.js';
import { dutiesIcs } from '../exports/ics.js';
import { problem } from '../http/docs-helpers.js';
import { operation, type Operation } from '../http/route.js';
import { Id } from '../schemas/common.js';
import { toRotaRecord } from '../schemas/rota.js';

export function exportRoutes({ store, log }: AppContext): Operation[] {
  return [
    operation({
      method: 'get', path: '/v1/rotas/{rotaId}/export.csv', operationId: 'exportRota', tag: 'Exports', scope: 'read',
      summary: 'Rota as CSV: duties (rota), hours per officer (hours) or patrol hours per hotspot and shift (hotspots)',
      params: z.strictObject({ rotaId: Id }),
      query: z.strictObject({ view: z.enum(['rota', 'hours', 'hotspots']).default('rota') }),
      responses: { 200: { description: 'CSV with a header row; formula-like cells are prefixed with an apostrophe.', contentType: 'text/csv' }, 404: problem('No such rota.') },
      handler: ({ params, query }) => {
        const row = store.rotas.get(params.rotaId);
        const csv = rotaCsv(toRotaRecord(row), store.scenarios.atVersion(row.scenario_id, row.scenario_version), query.view);
        log.info({ rotaId: row.id, view: query.view }, 'rota exported');
        return { body: csv, type: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${row.id}-${query.view}.csv"` } };
      },
    }),
    operation({
      method: 'get', path: '/v1/officers/{officerId}/duties.ics', operationId: 'officerDuties', tag: 'Exports', scope: 'read',
      summary: "An officer's duties as an iCalendar feed (RFC 5545)",
      description: 'UIDs are stable per officer and shift; SEQUENCE rises when a duty changes across rota versions; duties dropped by a later version are STATUS:CANCELLED.',
      params: z.strictObject({ officerId: Id }),
      query: z.strictObject({ rota: Id }),
      responses: { 200: { description: 'text/calendar feed.', contentType: 'text/calendar' }, 404: problem('No such rota, or the officer is not in its scenario.') },
      handler: ({ params, query }) => {
        const lineage = store.rotas.lineage(query.rota).map((row) => ({ row, scenario: store.scenarios.atVersion(row.scenario_id, row.scenario_version) }));
        if (!lineage[lineage.length - 1].scenario.officers.some((o) => o.id === params.officerId)) throw notFound('officer', params.officerId);
        log.info({ rotaId: query.rota, officerId: params.officerId, versions: lineage.length }, 'duties feed');
        return { body: dutiesIcs(params.officerId, lineage), type: 'text/calendar; charset=utf-8', headers: { 'Content-Disposition': `inline; filename="${params.officerId}.ics"` } };
      },
    }),
  ];
}
