import { parseArgs } from 'node:util';
import { SCOPES, type Scope } from '../db/keys.js';
import { openDatabase } from '../db/open.js';
import { Store } from '../db/store.js';

/**
 * `pnpm keys create --scopes read,plan [--name rostering]`: prints the new key as its last line
 * (shown once; only its SHA-256 is stored). `pnpm keys list`, `pnpm keys revoke <id>`.
 */
const usage = 'usage: pnpm keys create --scopes read,plan,publish,admin [--name <label>] | pnpm keys list | pnpm keys revoke <keyId>';
const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { scopes: { type: 'string' }, name: { type: 'string' }, db: { type: 'string' } },
  allowPositionals: true,
});
const fail = (message: string): never => {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
};
const store = new Store(openDatabase(values.db ?? process.env.PATROLPLAN_DB ?? './data/patrolplan.db'));
const [command, arg] = positionals;

if (command === 'create') {
  const scopes = (values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (scopes.length === 0) fail('--scopes is required');
  const unknown = scopes.filter((s) => !SCOPES.includes(s as Scope));
  if (unknown.length > 0) fail(`unknown scope(s): ${unknown.join(', ')} (known: ${SCOPES.join(', ')})`);
  const { info, key } = store.keys.create(values.name ?? 'api key', [...new Set(scopes)] as Scope[]);
  process.stdout.write(`created ${info.id} "${info.name}" with scopes ${info.scopes.join(',')}; store the key now, it is not shown again:\n${key}\n`);
} else if (command === 'list') {
  for (const k of store.keys.list()) process.stdout.write(`${k.id}\t${k.name}\t${k.scopes.join(',')}\t${k.createdAt}${k.revokedAt ? `\trevoked ${k.revokedAt}` : ''}\n`);
} else if (command === 'revoke' && arg) {
  if (!store.keys.revoke(arg)) fail(`no live key "${arg}"`);
  process.stdout.write(`revoked ${arg}\n`);
} else fail(`unknown command "${command ?? ''}"`);
store.db.close();
