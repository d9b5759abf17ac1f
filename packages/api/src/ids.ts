import { randomBytes } from 'node:crypto';

/** A new opaque id such as `rota_3kTq9x0aZ1bY`; the prefix says what it names in logs. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
