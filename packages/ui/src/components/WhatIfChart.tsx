import type { WhatIfPoint } from '../types.js';
import { fmt } from '../model.js';

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0];
  if (hi - lo < 1e-9) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toFixed(10)));
}

export interface WhatIfChartProps {
  points: WhatIfPoint[];
  unit: string;
  title?: string;
  width?: number;
  height?: number;
}

const M = { top: 16, right: 64, bottom: 40, left: 64 };

/** Harm covered (left axis) and overtime cost (right axis) against extra officers; hand-drawn SVG. */
export function WhatIfChart({ points, unit, title = 'Harm covered and overtime cost by extra officers', width = 560, height = 280 }: WhatIfChartProps) {
  const pts = [...points].sort((a, b) => a.extraOfficers - b.extraOfficers);
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const xs = pts.map((p) => p.extraOfficers);
  const xMax = Math.max(1, ...xs);
  const harm = pts.map((p) => p.harmCovered);
  const hLo = Math.min(...harm);
  const hHi = Math.max(...harm);
  const pad = Math.max((hHi - hLo) * 0.1, Math.abs(hHi) * 0.01, 1);
  const hTicks = niceTicks(Math.max(0, hLo - pad), hHi + pad);
  const [h0, h1] = [hTicks[0]!, hTicks[hTicks.length - 1]! > hTicks[0]! ? hTicks[hTicks.length - 1]! : hTicks[0]! + 1];
  const cTicks = niceTicks(0, Math.max(1, ...pts.map((p) => p.overtimeCost)));
  const c1 = Math.max(cTicks[cTicks.length - 1]!, 1e-6);
  const x = (v: number) => M.left + (v / xMax) * w;
  const yH = (v: number) => M.top + h - ((v - h0) / (h1 - h0)) * h;
  const yC = (v: number) => M.top + h - (v / c1) * h;
  const line = (f: (p: WhatIfPoint) => number) => pts.map((p) => `${x(p.extraOfficers).toFixed(1)},${f(p).toFixed(1)}`).join(' ');
  const xTicks = niceTicks(0, xMax, Math.min(10, xMax)).filter((t) => Number.isInteger(t));
  const id = title.replace(/\W+/g, '-').toLowerCase();
  const first = pts[0];
  const last = pts[pts.length - 1];
  const desc = first && last
    ? `From +${first.extraOfficers} to +${last.extraOfficers} officers harm covered goes from ${fmt(first.harmCovered)} to ${fmt(last.harmCovered)} ${unit}; overtime cost from ${fmt(first.overtimeCost)} to ${fmt(last.overtimeCost)}.`
    : 'No points.';

  return (
    <svg className="whatif-chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} data-testid="whatif-chart">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <g className="axis">
        {hTicks.map((t) => (
          <g key={`h${t}`}>
            <line x1={M.left} x2={M.left + w} y1={yH(t)} y2={yH(t)} className="gridline" />
            <text x={M.left - 6} y={yH(t) + 4} textAnchor="end">{fmt(t)}</text>
          </g>
        ))}
        {cTicks.map((t) => (
          <text key={`c${t}`} x={M.left + w + 6} y={yC(t) + 4} className="cost">{fmt(t)}</text>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={M.top + h + 16} textAnchor="middle">+{t}</text>
        ))}
        <line x1={M.left} x2={M.left + w} y1={M.top + h} y2={M.top + h} className="baseline" />
        <text x={M.left + w / 2} y={height - 4} textAnchor="middle" className="label">extra officers</text>
        <text transform={`translate(12 ${M.top + h / 2}) rotate(-90)`} textAnchor="middle" className="label harm">harm covered ({unit})</text>
        <text transform={`translate(${width - 8} ${M.top + h / 2}) rotate(90)`} textAnchor="middle" className="label cost">overtime cost</text>
      </g>
      <polyline points={line((p) => yC(p.overtimeCost))} className="series cost" fill="none" />
      <polyline points={line((p) => yH(p.harmCovered))} className="series harm" fill="none" />
      {pts.map((p) => (
        <g key={p.extraOfficers}>
          <rect x={x(p.extraOfficers) - 3.5} y={yC(p.overtimeCost) - 3.5} width={7} height={7} className="point cost">
            <title>+{p.extraOfficers} officers: overtime cost {fmt(p.overtimeCost)}</title>
          </rect>
          <circle cx={x(p.extraOfficers)} cy={yH(p.harmCovered)} r={4.5} className="point harm" data-n={p.extraOfficers}>
            <title>+{p.extraOfficers} officers: {fmt(p.harmCovered)} {unit} covered</title>
          </circle>
        </g>
      ))}
    </svg>
  );
}
