/**
 * Generates the example scenarios in `examples/` (southend.json, small.json, county.json).
 *
 *   npx tsx scripts/make-examples.ts [path/to/policeuk/essex]
 *
 * Deterministic: every random choice comes from a seeded mulberry32 PRNG, so the same inputs give
 * byte-identical files. The relative harm volume per hotspot is calibrated from the police.uk
 * street-level crime files for Essex (Jan–Jun 2018) at generation time only; the committed JSON is
 * self-contained and nothing at run time reads the police.uk data. police.uk gives only the month
 * and an anonymised map point for each crime, so the hour-of-day / day-of-week shapes are modelled
 * (night-time economy, shopping hours, seafront, station) — see examples/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import {
  buildContext,
  localMidnight,
  type Abstraction,
  type CoverRule,
  type Hotspot,
  type Officer,
  type Rank,
  type RotaPolicy,
  type Scenario,
  type ShiftRequest,
  type ShiftType,
} from '../packages/solver/src/domain/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'examples');
const POLICEUK_DIR = process.argv[2] ?? process.env.POLICEUK_DIR ?? '/work/shared/data/policeuk/essex';
const ZONE = 'Europe/London';

// ───────────────────────────── PRNG ─────────────────────────────

/** mulberry32: a tiny, fast, seeded 32-bit PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const chance = (rng: Rng, p: number) => rng() < p;
const pickIndex = (rng: Rng, n: number) => Math.floor(rng() * n);
/** `k` distinct elements of `items`, in a PRNG-determined order. */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(pickIndex(rng, pool.length), 1)[0]);
  return out;
}
const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

// ───────────────────────────── dates ─────────────────────────────

const addDays = (date: string, n: number) => localMidnight(date, ZONE).plus({ days: n }).toISODate()!;

/** The real hours of a horizon (a 25-hour day in October, 23 in March). */
function horizonHours(startDate: string, days: number): number {
  const origin = localMidnight(startDate, ZONE);
  return Math.round(origin.plus({ days }).diff(origin, 'hours').hours);
}

// ───────────────────────────── shift types ─────────────────────────────

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const EARLY: ShiftType = { id: 'Early', name: 'Early', start: '07:00', end: '15:00', weekdays: ALL_DAYS, night: false, colour: '#f2b134' };
const LATE: ShiftType = { id: 'Late', name: 'Late', start: '14:00', end: '22:00', weekdays: ALL_DAYS, night: false, colour: '#3b7dd8' };
const NTE: ShiftType = {
  id: 'NTE',
  name: 'Night-time economy',
  start: '20:00',
  end: '04:00',
  weekdays: [4, 5, 6],
  night: true,
  colour: '#7b3fa0',
};

/** Minimum cover a 30-strong town-centre team can always meet (with leave, courses and court). */
const COVER_RULES: CoverRule[] = [
  { id: 'sergeant', shiftTypeIds: ['Early', 'Late'], ranks: ['PS', 'Inspector'], minOfficers: 1 },
  { id: 'min-cover', shiftTypeIds: ['Early', 'Late'], minOfficers: 3 },
  { id: 'driver', shiftTypeIds: ['Early', 'Late'], skill: 'driver', minOfficers: 1 },
  { id: 'nte-pair', shiftTypeIds: ['NTE'], ranks: ['PC', 'PS', 'Inspector', 'Special'], minOfficers: 2 },
  { id: 'nte-public-order', shiftTypeIds: ['NTE'], skill: 'public-order', minOfficers: 1 },
];

// ───────────────────────────── hotspots ─────────────────────────────

/** Components of the weekly harm shape; a hotspot mixes them (shares of its weekly harm). */
type Component = 'nte' | 'shopping' | 'seafront' | 'station' | 'base';

interface HotspotSpec {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** police.uk LSOA-name prefix of the town the crimes are counted in. */
  town: string;
  saturationOfficers: number;
  dosageMinutesPerDay?: number;
  mix: Partial<Record<Component, number>>;
}

/** Southend-on-Sea town centre; coordinates checked against police.uk street-name map points. */
const SOUTHEND_HOTSPOTS: HotspotSpec[] = [
  { id: 'high-street', name: 'High Street', lat: 51.537, lon: 0.7135, town: 'Southend-on-Sea', saturationOfficers: 4, dosageMinutesPerDay: 60, mix: { nte: 0.4, shopping: 0.4, base: 0.2 } },
  { id: 'warrior-square', name: 'Warrior Square', lat: 51.5395, lon: 0.7158, town: 'Southend-on-Sea', saturationOfficers: 3, dosageMinutesPerDay: 45, mix: { nte: 0.55, shopping: 0.15, base: 0.3 } },
  { id: 'elmer-square', name: 'Elmer Square', lat: 51.539, lon: 0.7095, town: 'Southend-on-Sea', saturationOfficers: 2, dosageMinutesPerDay: 20, mix: { nte: 0.45, shopping: 0.25, base: 0.3 } },
  { id: 'victoria-circus', name: 'Victoria Circus', lat: 51.5406, lon: 0.7118, town: 'Southend-on-Sea', saturationOfficers: 3, dosageMinutesPerDay: 30, mix: { shopping: 0.55, station: 0.15, base: 0.3 } },
  { id: 'southend-victoria', name: 'Southend Victoria station', lat: 51.5417, lon: 0.7112, town: 'Southend-on-Sea', saturationOfficers: 2, mix: { station: 0.7, base: 0.3 } },
  { id: 'southend-central', name: 'Southend Central station', lat: 51.5367, lon: 0.7117, town: 'Southend-on-Sea', saturationOfficers: 2, mix: { station: 0.6, nte: 0.1, base: 0.3 } },
  { id: 'pier-hill', name: 'Pier Hill / seafront', lat: 51.5336, lon: 0.7158, town: 'Southend-on-Sea', saturationOfficers: 3, dosageMinutesPerDay: 15, mix: { seafront: 0.5, shopping: 0.2, nte: 0.1, base: 0.2 } },
  { id: 'york-road', name: 'York Road', lat: 51.5364, lon: 0.7215, town: 'Southend-on-Sea', saturationOfficers: 2, dosageMinutesPerDay: 30, mix: { base: 0.5, nte: 0.3, seafront: 0.2 } },
  { id: 'london-road', name: 'London Road', lat: 51.5403, lon: 0.7055, town: 'Southend-on-Sea', saturationOfficers: 2, mix: { nte: 0.55, shopping: 0.15, base: 0.3 } },
  { id: 'chalkwell-park', name: 'Chalkwell Park', lat: 51.544, lon: 0.6765, town: 'Southend-on-Sea', saturationOfficers: 2, mix: { seafront: 0.7, base: 0.3 } },
  { id: 'hamlet-court-road', name: 'Hamlet Court Road', lat: 51.5395, lon: 0.694, town: 'Southend-on-Sea', saturationOfficers: 2, mix: { nte: 0.45, shopping: 0.25, base: 0.3 } },
  { id: 'marine-parade', name: 'Marine Parade (Adventure Island)', lat: 51.5328, lon: 0.719, town: 'Southend-on-Sea', saturationOfficers: 3, mix: { seafront: 0.6, nte: 0.25, base: 0.15 } },
];

/** The other town centres of the county example (approximate coordinates). */
const OTHER_HOTSPOTS: HotspotSpec[] = [
  { id: 'basildon-town-square', name: 'Basildon Town Square', lat: 51.5705, lon: 0.457, town: 'Basildon', saturationOfficers: 3, dosageMinutesPerDay: 30, mix: { shopping: 0.5, nte: 0.2, base: 0.3 } },
  { id: 'basildon-eastgate', name: 'Basildon Eastgate / East Walk', lat: 51.5699, lon: 0.4615, town: 'Basildon', saturationOfficers: 2, mix: { shopping: 0.5, nte: 0.15, base: 0.35 } },
  { id: 'basildon-festival-park', name: 'Festival Leisure Park', lat: 51.5851, lon: 0.4625, town: 'Basildon', saturationOfficers: 3, dosageMinutesPerDay: 20, mix: { nte: 0.7, base: 0.3 } },
  { id: 'chelmsford-high-street', name: 'Chelmsford High Street', lat: 51.733, lon: 0.4745, town: 'Chelmsford', saturationOfficers: 3, dosageMinutesPerDay: 30, mix: { shopping: 0.45, nte: 0.3, base: 0.25 } },
  { id: 'chelmsford-moulsham-street', name: 'Moulsham Street', lat: 51.73, lon: 0.474, town: 'Chelmsford', saturationOfficers: 2, mix: { nte: 0.6, shopping: 0.15, base: 0.25 } },
  { id: 'chelmsford-station', name: 'Chelmsford station / Duke Street', lat: 51.7362, lon: 0.469, town: 'Chelmsford', saturationOfficers: 2, mix: { station: 0.5, nte: 0.25, base: 0.25 } },
  { id: 'colchester-high-street', name: 'Colchester High Street', lat: 51.8893, lon: 0.9, town: 'Colchester', saturationOfficers: 3, dosageMinutesPerDay: 30, mix: { nte: 0.45, shopping: 0.35, base: 0.2 } },
  { id: 'colchester-head-street', name: 'Head Street / Crouch Street', lat: 51.8885, lon: 0.895, town: 'Colchester', saturationOfficers: 2, dosageMinutesPerDay: 20, mix: { nte: 0.55, shopping: 0.2, base: 0.25 } },
  { id: 'colchester-st-botolphs', name: "St Botolph's", lat: 51.8872, lon: 0.9035, town: 'Colchester', saturationOfficers: 2, mix: { nte: 0.4, station: 0.3, base: 0.3 } },
  { id: 'harlow-water-gardens', name: 'Harlow Water Gardens / Broad Walk', lat: 51.768, lon: 0.0945, town: 'Harlow', saturationOfficers: 3, dosageMinutesPerDay: 20, mix: { shopping: 0.5, nte: 0.15, base: 0.35 } },
  { id: 'harlow-market-square', name: 'Harlow Market Square / East Gate', lat: 51.7706, lon: 0.0952, town: 'Harlow', saturationOfficers: 2, mix: { nte: 0.4, shopping: 0.3, base: 0.3 } },
];

const toHotspot = (s: HotspotSpec): Hotspot => ({
  id: s.id,
  name: s.name,
  lat: s.lat,
  lon: s.lon,
  saturationOfficers: s.saturationOfficers,
  ...(s.dosageMinutesPerDay ? { dosageMinutesPerDay: s.dosageMinutesPerDay } : {}),
});

// ───────────────────────────── police.uk calibration ─────────────────────────────

/**
 * Approximate mean Cambridge Crime Harm Index (days of imprisonment, first-offender starting point)
 * per police.uk category. Categories mix offences of very different harm, so these are rough
 * averages: serious violence, robbery and weapons carry most of the weight; ASB is not a crime and
 * gets a nominal day.
 */
const CHI_DAYS: Record<string, number> = {
  'Violence and sexual offences': 100,
  Robbery: 365,
  'Possession of weapons': 90,
  Burglary: 60,
  'Theft from the person': 20,
  'Criminal damage and arson': 10,
  'Public order': 10,
  'Other crime': 10,
  Drugs: 5,
  'Vehicle crime': 5,
  'Other theft': 3,
  Shoplifting: 2,
  'Bicycle theft': 2,
  'Anti-social behaviour': 1,
};
const RADIUS_M = 200;

interface Calibration {
  crimes: number;
  violent: number;
  chiDays: number;
  /** CHI days per hour over the months read. */
  ratePerHour: number;
}

function metres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6371e3;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

function splitCsv(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out;
}

/**
 * Crimes within RADIUS_M of each hotspot (each crime counted once, at its nearest hotspot of the
 * same town), weighted by CHI_DAYS, as CHI days per hour over the months in the files.
 */
function calibrate(specs: HotspotSpec[]): Map<string, Calibration> {
  if (!fs.existsSync(POLICEUK_DIR)) throw new Error(`police.uk directory not found: ${POLICEUK_DIR} (pass it as the first argument)`);
  const files = fs
    .readdirSync(POLICEUK_DIR)
    .filter((f) => /^\d{4}-\d{2}-essex-street\.csv\.gz$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no *-essex-street.csv.gz files in ${POLICEUK_DIR}`);
  const result = new Map<string, Calibration>(specs.map((s) => [s.id, { crimes: 0, violent: 0, chiDays: 0, ratePerHour: 0 }]));
  const towns = [...new Set(specs.map((s) => s.town))];
  let hours = 0;
  for (const file of files) {
    const month = file.slice(0, 7);
    hours += horizonHours(`${month}-01`, localMidnight(`${month}-01`, ZONE).daysInMonth!);
    const lines = zlib.gunzipSync(fs.readFileSync(path.join(POLICEUK_DIR, file))).toString('utf8').split('\n');
    const header = splitCsv(lines[0]);
    const col = (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`${file}: no column ${name}`);
      return i;
    };
    const [iLat, iLon, iLsoa, iType] = [col('latitude'), col('longitude'), col('lsoa_name'), col('crime_type')];
    for (const line of lines.slice(1)) {
      if (!line) continue;
      const c = splitCsv(line);
      const town = towns.find((t) => c[iLsoa].startsWith(t));
      if (!town || !c[iLat]) continue;
      const [lat, lon] = [Number(c[iLat]), Number(c[iLon])];
      let best: HotspotSpec | null = null;
      let bestDist = RADIUS_M;
      for (const s of specs) {
        if (s.town !== town) continue;
        const d = metres(lat, lon, s.lat, s.lon);
        if (d <= bestDist) (best = s), (bestDist = d);
      }
      if (!best) continue;
      const cal = result.get(best.id)!;
      const type = c[iType];
      if (!(type in CHI_DAYS)) throw new Error(`${file}: unknown crime type "${type}"`);
      cal.crimes++;
      if (type === 'Violence and sexual offences' || type === 'Robbery' || type === 'Possession of weapons') cal.violent++;
      cal.chiDays += CHI_DAYS[type];
    }
  }
  for (const cal of result.values()) cal.ratePerHour = cal.chiDays / hours;
  console.log(`police.uk: ${files.length} months (${files[0].slice(0, 7)}…${files.at(-1)!.slice(0, 7)}), ${hours} h`);
  return result;
}

// ───────────────────────────── weekly harm shapes ─────────────────────────────

/** Values by local hour 0–23. */
type HourShape = number[];
const shape = (points: Record<number, number>): HourShape => Array.from({ length: 24 }, (_, h) => points[h] ?? 0);

/** Night-time economy: builds from 21:00, peaks 23:00–03:00. Hours before 06:00 belong to the previous evening. */
const NTE_SHAPE = shape({ 19: 0.05, 20: 0.15, 21: 0.3, 22: 0.55, 23: 0.85, 0: 1, 1: 1, 2: 0.85, 3: 0.55, 4: 0.2, 5: 0.07 });
/** By the evening the night starts on (1 = Monday): Friday and Saturday nights dominate. */
const NTE_NIGHT = [0, 0.2, 0.2, 0.3, 0.6, 1, 1.2, 0.35];
const SHOPPING_SHAPE = shape({ 8: 0.1, 9: 0.35, 10: 0.7, 11: 0.9, 12: 1, 13: 1, 14: 1, 15: 0.95, 16: 0.9, 17: 0.7, 18: 0.4, 19: 0.15, 20: 0.05 });
const SHOPPING_DAY = [0, 0.9, 0.85, 0.9, 0.95, 1, 1.3, 0.7];
const SEAFRONT_SHAPE = shape({ 9: 0.1, 10: 0.3, 11: 0.6, 12: 0.85, 13: 1, 14: 1, 15: 1, 16: 0.85, 17: 0.6, 18: 0.4, 19: 0.3, 20: 0.25, 21: 0.2, 22: 0.12, 23: 0.05 });
const SEAFRONT_DAY = [0, 0.55, 0.5, 0.55, 0.6, 0.75, 1.4, 1.25];
const STATION_SHAPE = shape({ 0: 0.35, 1: 0.1, 6: 0.15, 7: 0.35, 8: 0.45, 9: 0.25, 10: 0.2, 11: 0.2, 12: 0.2, 13: 0.2, 14: 0.25, 15: 0.35, 16: 0.6, 17: 0.9, 18: 1, 19: 0.8, 20: 0.55, 21: 0.5, 22: 0.6, 23: 0.65 });
const STATION_DAY = [0, 1, 1, 1, 1.05, 1.3, 1.25, 0.8];
const BASE_SHAPE = shape({ 0: 0.2, 1: 0.15, 2: 0.12, 3: 0.1, 4: 0.08, 5: 0.08, 6: 0.2, 7: 0.4, 8: 0.55, 9: 0.7, 10: 0.8, 11: 0.85, 12: 0.9, 13: 0.9, 14: 0.9, 15: 0.95, 16: 1, 17: 1, 18: 0.95, 19: 0.9, 20: 0.8, 21: 0.7, 22: 0.5, 23: 0.35 });

/** Raw (unnormalised) weight of a component at a local weekday/hour. */
function componentAt(component: Component, weekday: number, hour: number): number {
  switch (component) {
    case 'nte': {
      const evening = hour < 6 ? (weekday === 1 ? 7 : weekday - 1) : weekday;
      return NTE_SHAPE[hour] * NTE_NIGHT[evening];
    }
    case 'shopping':
      return SHOPPING_SHAPE[hour] * SHOPPING_DAY[weekday];
    case 'seafront':
      return SEAFRONT_SHAPE[hour] * SEAFRONT_DAY[weekday];
    case 'station':
      return STATION_SHAPE[hour] * STATION_DAY[weekday];
    case 'base':
      return BASE_SHAPE[hour];
  }
}

const COMPONENTS: Component[] = ['nte', 'shopping', 'seafront', 'station', 'base'];
/** Mean of each component over a week of local hours, so that a mix share is a share of weekly harm. */
const COMPONENT_MEAN = new Map(
  COMPONENTS.map((c) => {
    let sum = 0;
    for (let w = 1; w <= 7; w++) for (let h = 0; h < 24; h++) sum += componentAt(c, w, h);
    return [c, sum / 168];
  }),
);

/** Multipliers for dated events: the October half-term on the seafront, Halloween night out. */
interface Events {
  seafront?: (date: string) => number;
  nte?: (eveningDate: string) => number;
}

/** Relative harm at one local instant for a hotspot (weekly mean 1 before events). */
function relativeHarm(spec: HotspotSpec, date: string, weekday: number, hour: number, events: Events): number {
  let total = 0;
  for (const c of COMPONENTS) {
    const share = spec.mix[c] ?? 0;
    if (!share) continue;
    let v = (share * componentAt(c, weekday, hour)) / COMPONENT_MEAN.get(c)!;
    if (c === 'seafront' && events.seafront) v *= events.seafront(date);
    if (c === 'nte' && events.nte) v *= events.nte(hour < 6 ? addDays(date, -1) : date);
    total += v;
  }
  return total;
}

/**
 * Scale from police.uk CHI days per hour to the forecast: the police.uk harm within 200 m is the
 * harm *recorded* at a place; the forecast is the part of it a visible patrol can act on (street
 * offences, not domestic or online), taken as a fixed share so that values stay in a range where
 * a 30-officer team's coverage matters (≈0.05–3 per hotspot-hour).
 */
const PATROLLABLE_SHARE = 0.13;
/** Floor on a hotspot's mean hourly harm (a listed hotspot is never harm-free). */
const MIN_RATE = 0.05;

/** Hourly harm for `hours` real hours from the horizon's first local midnight. */
function hourlyHarm(spec: HotspotSpec, ratePerHour: number, startDate: string, hours: number, events: Events, rng: Rng): number[] {
  const origin = localMidnight(startDate, ZONE);
  const rate = Math.max(MIN_RATE, ratePerHour * PATROLLABLE_SHARE);
  return Array.from({ length: hours }, (_, i) => {
    const t = origin.plus({ hours: i }); // time arithmetic: real hours, so the repeated 01:00 appears twice
    const noise = 0.85 + 0.3 * rng();
    return round(Math.max(0.005, rate * relativeHarm(spec, t.toISODate()!, t.weekday, t.hour, events) * noise), 3);
  });
}

/** A 168-hour weekly profile starting on a Monday (repeats weekly in the forecast). */
function weeklyHarm(spec: HotspotSpec, ratePerHour: number, mondayDate: string, rng: Rng): number[] {
  const rate = Math.max(MIN_RATE, ratePerHour * PATROLLABLE_SHARE);
  return Array.from({ length: 168 }, (_, i) => {
    const weekday = Math.floor(i / 24) + 1;
    const noise = 0.85 + 0.3 * rng();
    return round(Math.max(0.005, rate * relativeHarm(spec, addDays(mondayDate, weekday - 1), weekday, i % 24, {}) * noise), 3);
  });
}

/** October 2026: Essex half-term 26–30 Oct (seafront busier from Sat 24 Oct to Sun 1 Nov); Halloween Saturday. */
const OCTOBER_EVENTS: Events = {
  seafront: (date) => (date >= '2026-10-24' && date <= '2026-11-01' ? 1.3 : 1),
  nte: (evening) => (evening === '2026-10-31' ? 1.4 : 1),
};

// ───────────────────────────── officers ─────────────────────────────

const FIRST_NAMES = [
  'James', 'Sarah', 'Daniel', 'Emma', 'Thomas', 'Charlotte', 'Oliver', 'Sophie', 'Jack', 'Hannah', 'Harry', 'Lauren',
  'George', 'Chloe', 'Ryan', 'Jessica', 'Liam', 'Rebecca', 'Callum', 'Amy', 'Aaron', 'Katie', 'Adam', 'Gemma',
  'Mohammed', 'Aisha', 'Imran', 'Priya', 'Ravi', 'Sana', 'Tariq', 'Nadia', 'Kwame', 'Abena', 'Tunde', 'Grace',
  'Marcus', 'Naomi', 'Jordan', 'Leah', 'Connor', 'Megan', 'Lewis', 'Holly', 'Sean', 'Zoe', 'Matthew', 'Rachel',
  'Luke', 'Ellie', 'Nathan', 'Jade', 'Ben', 'Natalie', 'Samuel', 'Kirsty', 'Kieran', 'Stacey', 'Tomasz', 'Agnieszka',
  'Darius', 'Ioana', 'Stephen', 'Claire', 'Paul', 'Michelle', 'Mark', 'Donna', 'Gary', 'Tracey', 'Dean', 'Nicola',
];
const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson',
  'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Hussain',
  'Ahmed', 'Begum', 'Shah', 'Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Campbell', 'Murphy', "O'Brien", 'Kelly',
  'Hughes', 'Edwards', 'Turner', 'Cooper', 'Hill', 'Ward', 'Morris', 'Baker', 'Harris', 'King', 'Lewis', 'Harrison',
  'Martin', 'Cook', 'Mitchell', 'Bailey', 'Collins', 'Bennett', 'Reid', 'Marshall', 'Fox', 'Payne', 'Nowak',
  'Kowalski', 'Popescu', 'Barker', 'Chapman', 'Webb', 'Ellis', 'Fletcher', 'Gibson', 'Mason', 'Knight', 'Palmer',
  'Holmes', 'Pearce', 'Sutton', 'Kaur', 'Singh', 'Dunn', 'Rowe', 'Saunders', 'Stone', 'Lambert', 'Quinn', 'Frost',
];

/**
 * Names never repeat across the teams of one generator; first names and surnames are dealt from
 * shuffled decks (reshuffled when spent), so a team rarely has two of the same first name.
 */
function nameGenerator(rng: Rng): () => string {
  const used = new Set<string>();
  const deck = (items: readonly string[]) => {
    let cards: string[] = [];
    return () => {
      if (cards.length === 0) cards = sample(rng, items, items.length);
      return cards.pop()!;
    };
  };
  const [first, last] = [deck(FIRST_NAMES), deck(SURNAMES)];
  return () => {
    for (;;) {
      const name = `${first()} ${last()}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

interface TeamSpec {
  /** Officer id prefix, e.g. `sos`. */
  code: string;
  team: string;
  magistratesCourt: string;
  sergeants: number;
  pcs: number;
  partTimePcs: number;
  pcsos: number;
  specials: number;
  startDate: string;
  days: number;
}

function skillsFor(rng: Rng, rank: Rank): string[] {
  const skills: string[] = [];
  const add = (skill: string, p: number) => chance(rng, p) && skills.push(skill);
  switch (rank) {
    case 'PS':
    case 'Inspector':
      add('driver', 0.9);
      add('taser', 0.6);
      add('public-order', 0.8);
      add('first-aid', 1);
      add('tutor', 0.75);
      break;
    case 'PC':
      add('driver', 0.7);
      add('taser', 0.45);
      add('public-order', 0.4);
      add('first-aid', 0.9);
      add('tutor', 0.15);
      break;
    case 'PCSO':
      add('first-aid', 0.85);
      break;
    case 'Special':
      add('driver', 0.3);
      add('first-aid', 0.8);
      break;
  }
  return skills;
}

/**
 * A town-centre team with its abstractions and requests: a week of annual leave for ~5 officers
 * (at most one sergeant), a court day or two for ~3, a 3-day course for ~2, ~6 on/off requests.
 */
function makeTeam(spec: TeamSpec, rng: Rng, nextName: () => string): Officer[] {
  const officers: Officer[] = [];
  const weeks = Math.floor(spec.days / 7);
  const push = (rank: Rank, contractHours: number, limits?: Officer['limits']) => {
    const n = officers.length + 1;
    officers.push({
      id: `${spec.code}-${String(n).padStart(2, '0')}`,
      name: nextName(),
      rank,
      skills: skillsFor(rng, rank),
      team: spec.team,
      contractMinutesPerWeek: contractHours * 60,
      abstractions: [],
      requests: [],
      ...(limits ? { limits } : {}),
    });
  };
  const horizonMinutes = (hoursPerWeek: number) => Math.round((hoursPerWeek * 60 * spec.days) / 7);
  for (let i = 0; i < spec.sergeants; i++) push('PS', 40);
  for (let i = 0; i < spec.pcs; i++) {
    if (i < spec.partTimePcs) push('PC', 30, { maxTotalMinutes: horizonMinutes(30) });
    else push('PC', 40);
  }
  for (let i = 0; i < spec.pcsos; i++) push('PCSO', 40, { maxShiftsByType: { NTE: 0 } });
  for (let i = 0; i < spec.specials; i++) push('Special', 16, { maxTotalMinutes: horizonMinutes(16), maxConsecutiveWorkingDays: 2 });
  // At least one sergeant drives and holds public order (they lead the NTE and the van).
  const sgt = officers.filter((o) => o.rank === 'PS');
  for (const skill of ['driver', 'public-order', 'tutor']) if (!sgt.some((o) => o.skills.includes(skill))) sgt[0].skills.push(skill);
  for (const o of officers) o.skills.sort();

  const day = (n: number) => addDays(spec.startDate, n);
  const pcs = officers.filter((o) => o.rank === 'PC');
  const others = officers.filter((o) => o.rank === 'PC' || o.rank === 'PCSO');
  const abstracted = new Set<Officer>();
  const freePick = (pool: Officer[]) => {
    const free = pool.filter((o) => !abstracted.has(o));
    const o = free[pickIndex(rng, free.length)];
    abstracted.add(o);
    return o;
  };

  // Annual leave: a Monday-to-Monday week (end exclusive) for one sergeant and four others.
  const leaveWeeks = sample(rng, Array.from({ length: weeks }, (_, w) => w), Math.min(weeks, 4));
  const sergeantOnLeave = sgt.length > 1 ? freePick(sgt) : null;
  if (sergeantOnLeave) {
    const w = leaveWeeks[0];
    sergeantOnLeave.abstractions.push({ kind: 'leave', start: day(7 * w), end: day(7 * w + 7), note: 'Annual leave' });
  }
  for (let i = 0; i < 4; i++) {
    const o = freePick(others);
    const w = leaveWeeks[(i + 1) % leaveWeeks.length];
    o.abstractions.push({ kind: 'leave', start: day(7 * w), end: day(7 * w + 7), note: 'Annual leave' });
  }
  // Courts and courses sit on weekdays. Court: a two-day Crown Court trial, a day as a witness, and
  // a magistrates' court day given as instants (09:00–17:00, so that day's NTE shift stays free).
  const weekdayStart = (weekdays: number[], lastStart: number) => {
    const options = Array.from({ length: lastStart + 1 }, (_, d) => d).filter((d) => weekdays.includes(localMidnight(day(d), ZONE).weekday));
    return options[pickIndex(rng, options.length)];
  };
  const trialDay = weekdayStart([1, 2, 3, 4], spec.days - 2);
  const witnessDay = weekdayStart([1, 2, 3, 4, 5], spec.days - 1);
  const magistrates = localMidnight(day(weekdayStart([1, 2, 3, 4, 5], spec.days - 1)), ZONE);
  const at = (hour: number) => magistrates.set({ hour }).toISO({ suppressMilliseconds: true })!;
  const court: Abstraction[] = [
    { kind: 'court', start: day(trialDay), end: day(trialDay + 2), note: 'Crown Court trial, Chelmsford' },
    { kind: 'court', start: day(witnessDay), end: day(witnessDay + 1), note: 'Witness, Basildon Crown Court' },
    { kind: 'court', start: at(9), end: at(17), note: spec.magistratesCourt },
  ];
  for (const a of court) freePick(pcs).abstractions.push(a);
  // Courses: three weekdays (taser refresher, public order level 2).
  for (const note of ['Taser refresher course', 'Public order level 2 course']) {
    const start = weekdayStart([1, 2, 3], spec.days - 3);
    freePick(pcs).abstractions.push({ kind: 'course', start: day(start), end: day(start + 3), note });
  }

  // Requests (~6): days off with weights 1–5, shift preferences, a Special asking for NTE Fridays.
  const request = (o: Officer, r: ShiftRequest) => o.requests.push(r);
  const dayOn = (weekday: number, fromDay: number) => {
    for (let d = fromDay; d < spec.days; d++) if (localMidnight(day(d), ZONE).weekday === weekday) return day(d);
    return day(fromDay);
  };
  const requesters = sample(rng, officers.filter((o) => o.rank !== 'Special'), 5);
  request(requesters[0], { kind: 'off', date: dayOn(6, 7 * pickIndex(rng, weeks)), weight: 3 }); // a family wedding (Saturday)
  request(requesters[1], { kind: 'off', date: day(pickIndex(rng, spec.days)), shiftTypeId: 'Late', weight: 2 }); // childcare
  request(requesters[2], { kind: 'on', date: day(pickIndex(rng, spec.days)), shiftTypeId: 'Early', weight: 1 });
  request(requesters[3], { kind: 'off', date: day(pickIndex(rng, spec.days)), weight: 5 }); // a hospital appointment
  request(requesters[4], { kind: 'off', date: day(spec.days - 1), weight: 4 }); // last day of the horizon
  const special = officers.find((o) => o.rank === 'Special');
  if (special) {
    const friday = dayOn(5, 7);
    request(special, { kind: 'on', date: friday, shiftTypeId: 'NTE', weight: 2 });
    request(special, { kind: 'on', date: addDays(friday, 7), shiftTypeId: 'NTE', weight: 2 });
  }
  for (const o of officers) o.requests.sort((a, b) => a.date.localeCompare(b.date));
  return officers;
}

// ───────────────────────────── scenarios ─────────────────────────────

const POLICY: Partial<RotaPolicy> = { coverRules: COVER_RULES };

function southend(calibration: Map<string, Calibration>): Scenario {
  const startDate = '2026-10-05';
  const days = 28;
  const rng = mulberry32(20261005);
  const officers = makeTeam(
    { code: 'sos', team: 'Southend Town Centre', magistratesCourt: "Southend Magistrates' Court", sergeants: 4, pcs: 19, partTimePcs: 3, pcsos: 6, specials: 1, startDate, days },
    rng,
    nameGenerator(rng),
  );
  const hours = horizonHours(startDate, days);
  const harmRng = mulberry32(7001);
  return {
    id: 'southend-tct-2026-10',
    name: 'Southend-on-Sea Town Centre Team, 5 Oct – 1 Nov 2026',
    timezone: ZONE,
    startDate,
    days,
    officers,
    shiftTypes: [EARLY, LATE, NTE],
    hotspots: SOUTHEND_HOTSPOTS.map(toHotspot),
    forecast: {
      unit: 'CHI days',
      hotspots: SOUTHEND_HOTSPOTS.map((s) => ({
        hotspotId: s.id,
        hourlyHarm: hourlyHarm(s, calibration.get(s.id)!.ratePerHour, startDate, hours, OCTOBER_EVENTS, harmRng),
      })),
    },
    policy: POLICY,
    publicHolidays: [],
  };
}

function small(calibration: Map<string, Calibration>): Scenario {
  const startDate = '2026-03-23'; // a Monday; the week ends on Sunday 29 March, when the clocks go forward
  const rng = mulberry32(20260323);
  const nextName = nameGenerator(rng);
  const officer = (id: string, rank: Rank, skills: string[]): Officer => ({
    id,
    name: nextName(),
    rank,
    skills,
    team: 'Southend Town Centre',
    contractMinutesPerWeek: 40 * 60,
    abstractions: [],
    requests: [],
  });
  const officers = [
    officer('sm-01', 'PS', ['driver', 'first-aid', 'public-order', 'tutor']),
    officer('sm-02', 'PC', ['driver', 'first-aid', 'taser']),
    officer('sm-03', 'PC', ['first-aid', 'public-order']),
    officer('sm-04', 'PC', ['driver', 'first-aid']),
    officer('sm-05', 'PC', ['driver', 'taser']),
    officer('sm-06', 'PCSO', ['first-aid']),
  ];
  officers[2].abstractions.push({ kind: 'court', start: '2026-03-25', end: '2026-03-26', note: "Southend Magistrates' Court" });
  officers[3].requests.push({ kind: 'off', date: '2026-03-28', weight: 3 });
  const specs = SOUTHEND_HOTSPOTS.filter((s) => ['high-street', 'warrior-square', 'pier-hill'].includes(s.id));
  const harmRng = mulberry32(7002);
  return {
    id: 'small-week',
    name: 'Small test team, week of 23 March 2026',
    timezone: ZONE,
    startDate,
    days: 7,
    officers,
    shiftTypes: [EARLY, LATE],
    hotspots: specs.map(toHotspot),
    forecast: {
      unit: 'CHI days',
      hotspots: specs.map((s) => ({ hotspotId: s.id, hourlyHarm: weeklyHarm(s, calibration.get(s.id)!.ratePerHour, startDate, harmRng) })),
    },
    policy: { coverRules: [{ id: 'min-cover', minOfficers: 2 }] },
    publicHolidays: [],
  };
}

function county(calibration: Map<string, Calibration>): Scenario {
  const startDate = '2026-10-05';
  const days = 28;
  // The Southend team is the same as in southend.json (same seed); the other teams follow it.
  const rng = mulberry32(20261005);
  const nextName = nameGenerator(rng);
  const team = (code: string, name: string, court: string, sergeants: number, pcs: number, partTimePcs: number, pcsos: number, specials: number) =>
    makeTeam({ code, team: name, magistratesCourt: court, sergeants, pcs, partTimePcs, pcsos, specials, startDate, days }, rng, nextName);
  const officers = [
    ...team('sos', 'Southend Town Centre', "Southend Magistrates' Court", 4, 19, 3, 6, 1),
    ...team('bas', 'Basildon Town Centre', "Basildon Magistrates' Court", 4, 18, 2, 6, 2),
    ...team('chm', 'Chelmsford City Centre', "Chelmsford Magistrates' Court", 4, 19, 3, 5, 2),
    ...team('col', 'Colchester Town Centre', "Colchester Magistrates' Court", 4, 19, 2, 6, 1),
    ...team('hlw', 'Harlow Town Centre', "Chelmsford Magistrates' Court", 4, 19, 2, 6, 1),
  ];
  const specs = [...SOUTHEND_HOTSPOTS, ...OTHER_HOTSPOTS];
  const hours = horizonHours(startDate, days);
  const harmRng = mulberry32(7003);
  return {
    id: 'essex-town-centres-2026-10',
    name: 'Essex town-centre teams (Southend, Basildon, Chelmsford, Colchester, Harlow), 5 Oct – 1 Nov 2026',
    timezone: ZONE,
    startDate,
    days,
    officers,
    shiftTypes: [EARLY, LATE, NTE],
    hotspots: specs.map(toHotspot),
    forecast: {
      unit: 'CHI days',
      hotspots: specs.map((s) => ({
        hotspotId: s.id,
        hourlyHarm: hourlyHarm(s, calibration.get(s.id)!.ratePerHour, startDate, hours, OCTOBER_EVENTS, harmRng),
      })),
    },
    policy: POLICY,
    publicHolidays: [],
  };
}

// ───────────────────────────── main ─────────────────────────────

/** Pretty JSON with arrays of plain values (skills, weekdays, hourly harm) kept on one line. */
function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[([^[\]{}]*)\]/g, (_, inner: string) => JSON.stringify(JSON.parse(`[${inner}]`)));
}

function write(name: string, scenario: Scenario): void {
  buildContext(scenario); // throws on malformed dates or times
  const file = path.join(OUT_DIR, name);
  fs.writeFileSync(file, toJson(scenario) + '\n');
  console.log(`wrote ${path.relative(ROOT, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KB): ${scenario.officers.length} officers, ${scenario.hotspots.length} hotspots, ${scenario.days} days`);
}

function main(): void {
  const calibration = calibrate([...SOUTHEND_HOTSPOTS, ...OTHER_HOTSPOTS]);
  console.log('hotspot'.padEnd(28), 'crimes', 'violent', 'CHI days', 'CHI/h', 'forecast mean/h');
  for (const s of [...SOUTHEND_HOTSPOTS, ...OTHER_HOTSPOTS]) {
    const c = calibration.get(s.id)!;
    console.log(
      s.id.padEnd(28),
      String(c.crimes).padStart(6),
      String(c.violent).padStart(7),
      String(c.chiDays).padStart(8),
      c.ratePerHour.toFixed(3).padStart(6),
      Math.max(MIN_RATE, c.ratePerHour * PATROLLABLE_SHARE).toFixed(3).padStart(8),
    );
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  write('southend.json', southend(calibration));
  write('small.json', small(calibration));
  write('county.json', county(calibration));
}

main();
