import { readFileSync } from 'node:fs';
import type { Scenario } from '../domain/scenario.js';

/** Minimal flag parser: positional args plus `--name value` / `--flag`. */
export function parseArgs(argv: string[], booleanFlags: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (booleanFlags.includes(arg.slice(2))) flags.set(arg.slice(2), true);
    else flags.set(arg.slice(2), argv[++i] ?? '');
  }
  return { positional, flags };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Read a scenario file, failing with a readable message. */
export function readScenario(path: string | undefined, usage: string): Scenario {
  if (!path) fail(usage);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Scenario;
  } catch (error) {
    fail(`cannot read scenario ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A positive number flag or the default. */
export function numberFlag(flags: Map<string, string | true>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) fail(`--${name} must be a non-negative number, got "${String(raw)}"`);
  return value;
}
