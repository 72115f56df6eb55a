/** Users grouped by how many interactions they had to learn from: the learning curve's x axis. */
export const CURVE_BUCKETS = [
  { label: '1–4', min: 1, max: 4 },
  { label: '5–9', min: 5, max: 9 },
  { label: '10–19', min: 10, max: 19 },
  { label: '20–49', min: 20, max: 49 },
  { label: '50–99', min: 50, max: 99 },
  { label: '100–199', min: 100, max: 199 },
  { label: '200+', min: 200, max: Infinity },
] as const;

export interface CurvePoint {
  bucket: string;
  users: number;
  ndcg: number;
}

/** Mean NDCG per bucket of history length, for each model. */
export class LearningCurve {
  private readonly sums = new Map<string, { users: number[]; ndcg: number[] }>();

  add(model: string, historyLength: number, ndcg: number): void {
    const bucket = CURVE_BUCKETS.findIndex((b) => historyLength >= b.min && historyLength <= b.max);
    if (bucket < 0) return;
    const sums = this.sums.get(model) ?? {
      users: CURVE_BUCKETS.map(() => 0),
      ndcg: CURVE_BUCKETS.map(() => 0),
    };
    sums.users[bucket] = (sums.users[bucket] ?? 0) + 1;
    sums.ndcg[bucket] = (sums.ndcg[bucket] ?? 0) + ndcg;
    this.sums.set(model, sums);
  }

  /** Per model, the buckets that have users, in order. */
  points(): Record<string, CurvePoint[]> {
    const out: Record<string, CurvePoint[]> = {};
    for (const [model, sums] of this.sums) {
      out[model] = CURVE_BUCKETS.flatMap((b, i) => {
        const users = sums.users[i] ?? 0;
        return users > 0 ? [{ bucket: b.label, users, ndcg: (sums.ndcg[i] ?? 0) / users }] : [];
      });
    }
    return out;
  }
}

const COLORS = ['#1f6feb', '#d1242f', '#8250df', '#1a7f37', '#bf8700', '#57606a'];

function escape(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The learning curve as a standalone SVG line chart: NDCG@K (y) against the number of
 * interactions a user had (x, buckets), one line per model, with a legend and user counts.
 */
export function curveSvg(curve: Record<string, CurvePoint[]>, title: string, k: number): string {
  const width = 720;
  const height = 420;
  const pad = { left: 64, right: 170, top: 48, bottom: 64 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const buckets: string[] = CURVE_BUCKETS.map((b) => b.label).filter((label) =>
    Object.values(curve).some((points) => points.some((p) => p.bucket === label)),
  );
  const top = Math.max(0.05, ...Object.values(curve).flatMap((ps) => ps.map((p) => p.ndcg)));
  const yMax = Math.ceil(top * 20) / 20;
  const x = (i: number) => pad.left + (buckets.length > 1 ? (i / (buckets.length - 1)) * plotW : 0);
  const y = (v: number) => pad.top + plotH - (v / yMax) * plotH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${pad.left}" y="24" font-size="15" font-weight="600">${escape(title)}</text>`,
  );
  for (let t = 0; t <= 5; t++) {
    const v = (yMax * t) / 5;
    out.push(
      `<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`,
      `<text x="${pad.left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(2)}</text>`,
    );
  }
  const firstSeries = Object.values(curve)[0] ?? [];
  buckets.forEach((label, i) => {
    const users = firstSeries.find((p) => p.bucket === label)?.users ?? 0;
    out.push(
      `<text x="${x(i)}" y="${pad.top + plotH + 18}" text-anchor="middle">${escape(label)}</text>`,
      `<text x="${x(i)}" y="${pad.top + plotH + 32}" text-anchor="middle" fill="#6b7280">${users} users</text>`,
    );
  });
  out.push(
    `<text x="${pad.left + plotW / 2}" y="${height - 10}" text-anchor="middle">interactions the user had before the held-out ones</text>`,
    `<text transform="translate(16 ${pad.top + plotH / 2}) rotate(-90)" text-anchor="middle">NDCG@${k}</text>`,
  );
  Object.entries(curve).forEach(([model, points], m) => {
    const color = COLORS[m % COLORS.length] ?? '#000';
    const coords = points.map((p) => `${x(buckets.indexOf(p.bucket))},${y(p.ndcg)}`);
    out.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${coords.join(' ')}"/>`,
      ...coords.map((c) => {
        const [cx, cy] = c.split(',');
        return `<circle cx="${cx}" cy="${cy}" r="3" fill="${color}"/>`;
      }),
      `<rect x="${width - pad.right + 16}" y="${pad.top + m * 20 - 9}" width="12" height="3" fill="${color}"/>`,
      `<text x="${width - pad.right + 34}" y="${pad.top + m * 20 - 4}">${escape(model)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
