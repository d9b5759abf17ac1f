import { z } from 'zod';

/** Schemas that appear as named components in the OpenAPI document. */
export const components = z.registry<{ id: string; description?: string }>();

/** Register `schema` as the OpenAPI component `id`. */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  components.add(schema, { id, description });
  return schema;
}

/** Compile-time proof that a wire schema and a solver domain type describe the same shape. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Ids of stored things and of scenario members: short, printable, safe in URLs and file names. */
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1–64 letters, digits or . _ : - (starting with a letter or digit)');

/** A shift id is `<shiftTypeId>@<YYYY-MM-DD>`. */
export const ShiftId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}@\d{4}-\d{2}-\d{2}$/, 'must be <shiftTypeId>@<YYYY-MM-DD>');

export const Timestamp = z.iso.datetime({ offset: true });
export const LocalDate = z.iso.date();

export const ProblemIssue = named(
  'ProblemIssue',
  z.object({ path: z.string(), message: z.string() }),
  'One failed check: where (a JSON path such as `officers.3.rank`) and why.',
);

/** RFC 9457 problem document; `code` is stable and machine-readable. */
export const Problem = named(
  'Problem',
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    instance: z.string().optional(),
    issues: z.array(ProblemIssue).optional(),
  }),
  'RFC 9457 problem details (application/problem+json).',
);
/** A problem document as sent. */
export type ProblemBody = z.infer<typeof Problem>;

export const Health = named('Health', z.object({ status: z.literal('ok') }));
