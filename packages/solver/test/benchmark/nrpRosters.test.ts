import { describe, expect, it } from 'vitest';
import { readPetterSOut, readTurtlesoulCsv } from '../../src/benchmark/nrpRosters.js';

const _ = null;

describe('readTurtlesoulCsv', () => {
  it('reads rows in file order, blank cells as days off, and the stated penalty', () => {
    const csv = ['NurseID,1,2,3,4', 'A, ,D,D, ', 'B,D,,L,d1', 'Problem status: Solved to optimality', '', 'The minimised penalty = 607', 'Time elapsed: 0.4s.'].join('\r\n');
    const { roster, statedObjective } = readTurtlesoulCsv(csv);
    expect([...roster]).toEqual([
      ['A', [_, 'D', 'D', _]],
      ['B', ['D', _, 'L', 'd1']],
    ]);
    expect(statedObjective).toBe(607);
  });

  it('stops at trailers padded with commas, and states nothing without a penalty line', () => {
    const csv = ['NurseID,1,2', 'A,D,', 'Problem status: Unfinished,,', ' ,,', 'The minimised penalty = 4057,,', 'Time elapsed: 1s.,,'].join('\n');
    expect(readTurtlesoulCsv(csv)).toEqual({ roster: new Map([['A', ['D', _]]]), statedObjective: 4057 });
    expect(readTurtlesoulCsv('NurseID,1,2\nA,D,D\nB,,D\n').statedObjective).toBeNull();
  });

  it('rejects a file without the header or with a staff twice', () => {
    expect(() => readTurtlesoulCsv('A,D,D')).toThrow(/NurseID/);
    expect(() => readTurtlesoulCsv('NurseID,1\nA,D\nA,D')).toThrow(/appears twice/);
  });
});

describe('readPetterSOut', () => {
  it('reads two characters a day (ids padded with =, " ." off) and the last roster printed', () => {
    const out = [
      '  A:  .D=D=',
      '  B: D= . .',
      'Final solution (checked for feasibility): 9',
      '-- Cover costs  : 8',
      '-- Roster costs : 1',
      '  A: D=D= .',
      ' AB: d1d2 .',
      'Final solution (checked for feasibility): 7',
      '-- Cover costs  : 7',
      '-- Roster costs : 0',
    ].join('\r\n');
    const { roster, statedObjective } = readPetterSOut(out);
    expect(statedObjective).toBe(7);
    expect([...roster]).toEqual([
      ['A', ['D', 'D', _]],
      ['AB', ['d1', 'd2', _]],
    ]);
  });

  it('rejects a file without a final solution or with a half day', () => {
    expect(() => readPetterSOut('  A: D=D=\n')).toThrow(/Final solution/);
    expect(() => readPetterSOut('  A: D=D\nFinal solution (checked for feasibility): 1')).toThrow(/two characters/);
  });
});
