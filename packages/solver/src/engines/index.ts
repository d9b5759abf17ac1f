import type { EngineName } from '../solve/types.js';
import type { Engine } from './engine.js';
import { highsEngine } from './highs.js';
import { jslsEngine } from './jsls.js';

export type { Engine, EngineRun, EngineSession, RunOptions } from './engine.js';

export function engineByName(name: EngineName): Engine {
  return name === 'jsls' ? jslsEngine : highsEngine;
}
