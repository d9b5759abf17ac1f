import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = (args: string[]) => execFileSync('npx', ['tsx', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('CLI', () => {
  it('pnpm solve --json prints one object with the documented fields', () => {
    const out = JSON.parse(run(['packages/solver/src/cli/solve.ts', 'examples/small.json', '--json', '--time-limit', '30']).trim());
    expect(out).toMatchObject({ status: 'optimal', engine: 'highs', hardViolations: 0 });
    for (const key of ['objective', 'bound', 'gap', 'seconds', 'findings', 'coverage', 'rota']) expect(out).toHaveProperty(key);
    expect(out.rota.assignments.length).toBeGreaterThan(0);
  });

  it('pnpm solve prints a readable summary with the rota grid', () => {
    const out = run(['packages/solver/src/cli/solve.ts', 'examples/small.json', '--time-limit', '30']);
    expect(out).toMatch(/optimal with highs/);
    expect(out).toMatch(/Coverage by hotspot/);
    expect(out).toMatch(/Rota \(E=Early/);
  });

  it('fails with a readable message on a bad engine', () => {
    expect(() => run(['packages/solver/src/cli/solve.ts', 'examples/small.json', '--engine', 'cplex'])).toThrow(/--engine must be highs or jsls/);
  });
});
