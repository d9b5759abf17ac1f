/** Small Curtois & Qu instances the tests write themselves (the public files stay in ../shared). */
export const section = (name: string, ...rows: string[]) => [`SECTION_${name}`, ...rows, ''].join('\r\n');
export const week = (shift: string, under: number) => Array.from({ length: 7 }, (_, d) => `${d},${shift},1,${under},1`);

/**
 * One week, D and N, cover 1 on each (10 a head short). A never works N, B never D, so the two
 * halves are independent and the optimum follows by hand:
 * - A (≤ 5 shifts, runs 2..3, days off in runs ≥ 2 inside the week): only WW..WWW and WWW..WW
 *   give five shifts; the second works day 2, which A asked off (5) → A leaves 2 D days short: 20.
 * - B (≤ 3 shifts, day 1 off, no weekend, runs ≤ 2): at most 3 of days 0, 2, 3, 4 and not all of
 *   2–4; {0,3,4} also honours B's on-request for N on day 4 → 4 N days short: 40.
 * Optimum: 60.
 */
export const TINY = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,', 'N,480,D'),
  section('STAFF', 'A,D=7|N=0,2400,960,3,2,2,1', 'B,D=0|N=7,1440,960,2,1,1,0'),
  section('DAYS_OFF', 'B,1'),
  section('SHIFT_ON_REQUESTS', 'A,0,D,3', 'B,4,N,2'),
  section('SHIFT_OFF_REQUESTS', 'A,2,D,5'),
  section('COVER', ...week('D', 10), ...week('N', 10)),
].join('');

