import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { migrate, openDatabase } from '../src/db/open.js';
import { MIGRATIONS } from '../src/db/migrations.js';
import { parseIfMatch } from '../src/http/etag.js';
import { diffAssignments } from '../src/schemas/rota.js';

describe('If-Match parsing', () => {
  it('accepts quoted, weak, bare and wildcard forms', () => {
    expect(['"3"', 'W/"3"', '3', ' "3" '].map(parseIfMatch)).toEqual([3, 3, 3, 3]);
    expect(parseIfMatch('*')).toBeNull();
    expect(parseIfMatch(undefined)).toBeNull();
    for (const bad of ['"a"', '"1", "2"', '']) expect(() => parseIfMatch(bad)).toThrow(/If-Match/);
  });
});

describe('rota diff', () => {
  it('lists added and removed assignments by officer and shift', () => {
    const a = (officerId: string, shiftId: string) => ({ officerId, shiftId });
    expect(diffAssignments([a('o1', 'E@d1'), a('o2', 'E@d1')], [a('o1', 'E@d1'), a('o3', 'L@d1')])).toEqual({ added: [a('o3', 'L@d1')], removed: [a('o2', 'E@d1')] });
  });
});

describe('migrations', () => {
  it('record their count in user_version and run once', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('memory'); // WAL applies to files
  });
});

describe('configuration', () => {
  it('has defaults and names a bad variable', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', PATROLPLAN_DB: './data/patrolplan.db', PATROLPLAN_AUTH: 'local' });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PATROLPLAN_AUTH: 'none' })).toThrow(/PATROLPLAN_AUTH/);
  });
});
