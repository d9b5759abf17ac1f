import { describe, expect, it } from 'vitest';
import { forecastFromCsv, officersFromCsv, parseCsv } from '../src/csv.js';
import { scenario } from './fixtures.js';

describe('CSV import', () => {
  it('parses quoted fields, escaped quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n1,2')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['1', '2'] },
    ]);
  });

  it('reads officers with skills and contract hours, naming bad lines', () => {
    const ok = officersFromCsv('id,name,rank,skills,contractHoursPerWeek,team\nz1,Zed Ali,PC,driver;taser,40,A\nz2,Yas Bo,PCSO,,37,');
    expect(ok.errors).toEqual([]);
    expect(ok.officers[0]).toEqual({ id: 'z1', name: 'Zed Ali', rank: 'PC', skills: ['driver', 'taser'], contractMinutesPerWeek: 2400, abstractions: [], requests: [], team: 'A' });
    expect(ok.officers[1]!.contractMinutesPerWeek).toBe(2220);
    const bad = officersFromCsv('id,name,rank,contractHoursPerWeek\nz1,Zed,Sergeant,40\nz2,Yas,PC,lots');
    expect(bad.errors).toEqual([
      { line: 2, message: 'rank "Sergeant" is not one of PC, PS, Inspector, PCSO, Special.' },
      { line: 3, message: 'contract hours "lots" is not a positive number.' },
    ]);
    expect(officersFromCsv('name,rank\nA,PC').errors[0]!.message).toBe('Missing column(s): id.');
  });

  it('reads an hourly forecast and a typical week aligned to the horizon start', () => {
    const hourly = forecastFromCsv('hotspotId,hour,harm\nhs,0,1.5\nhs,2,3\nws,1,0.5', scenario, 'CHI days');
    expect(hourly.errors).toEqual([]);
    expect(hourly.forecast).toEqual({ unit: 'CHI days', hotspots: [{ hotspotId: 'hs', hourlyHarm: [1.5, 0, 3] }, { hotspotId: 'ws', hourlyHarm: [0, 0.5] }] });
    // the scenario starts on a Monday; Saturday 23:00 is hour 5×24+23
    const weekly = forecastFromCsv('hotspot,weekday,hour,harm\nhs,Sat,23,4\nhs,1,0,2', { ...scenario, startDate: '2025-11-04' }, 'CHI days');
    const series = weekly.forecast.hotspots[0]!.hourlyHarm;
    expect(series).toHaveLength(168);
    expect(series[4 * 24 + 23]).toBe(4); // horizon starts Tuesday: Saturday is day 4
    expect(series[6 * 24]).toBe(2); // Monday is day 6
    expect(forecastFromCsv('hotspotId,hour,harm\nnope,0,1\nhs,x,-1', scenario, 'u').errors.map((e) => e.line)).toEqual([2, 3, 3]);
  });
});
