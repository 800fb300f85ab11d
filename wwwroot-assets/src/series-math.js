// Pure helpers for chart series: smoothing and downsampling. Points are [x, y] pairs.

/** Exponential moving average with bias correction (as TensorBoard does); weight in [0, 1). */
export function smooth(points, weight) {
  if (!(weight > 0)) return points;
  const out = new Array(points.length);
  let last = 0;
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i];
    if (!Number.isFinite(y)) { out[i] = [x, y]; continue; }
    count++;
    last = last * weight + (1 - weight) * y;
    out[i] = [x, last / (1 - Math.pow(weight, count))];
  }
  return out;
}

/** Largest-Triangle-Three-Buckets: keeps the shape of a series in at most `threshold` points. */
export function downsample(points, threshold) {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points;
  const sampled = [points[0]];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const [avgX, avgY] = bucketAverage(points, Math.floor((i + 1) * bucketSize) + 1, Math.min(Math.floor((i + 2) * bucketSize) + 1, n));
    const start = Math.floor(i * bucketSize) + 1;
    const end = Math.floor((i + 1) * bucketSize) + 1;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((points[a][0] - avgX) * (points[j][1] - points[a][1]) - (points[a][0] - points[j][0]) * (avgY - points[a][1]));
      if (area > bestArea) { bestArea = area; best = j; }
    }
    sampled.push(points[best]);
    a = best;
  }
  sampled.push(points[n - 1]);
  return sampled;
}

function bucketAverage(points, from, to) {
  let x = 0;
  let y = 0;
  const count = Math.max(1, to - from);
  for (let j = from; j < to; j++) { x += points[j][0]; y += points[j][1]; }
  return [x / count, y / count];
}

/**
 * Points for a log axis drawn as log10(y) on a linear axis (ApexCharts' own log axis breaks on data
 * that spans less than a decade). Zero, negative and non-finite values become gaps; `dropped` counts them.
 */
export function toLog10(points) {
  let dropped = 0;
  const data = points.map(([x, y]) => {
    if (y === null || y === undefined) return [x, null];
    if (y > 0 && Number.isFinite(y)) return [x, Math.log10(y)];
    dropped++;
    return [x, null];
  });
  return { data, dropped };
}

/**
 * The log10 range and tick count of a log axis over `logValues`: whole decades when the data spans
 * at least two, else the data's own range with five ticks (labels then read 10^v).
 */
export function logAxisRange(logValues) {
  const finite = logValues.filter(v => v !== null && Number.isFinite(v));
  if (finite.length === 0) return null;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (hi - lo >= 2) {
    const min = Math.floor(lo);
    const max = Math.ceil(hi);
    return { min, max, tickAmount: Math.min(max - min, 10) };
  }
  const pad = Math.max((hi - lo) * 0.05, 0.01);
  return { min: lo - pad, max: hi + pad, tickAmount: 5 };
}

/** The x of an epoch row ({ epoch, step, elapsedMs }) on an axis by 'step' (epoch when a row has no step), 'epoch' or 'time' (seconds). */
export function xOf(row, axis) {
  if (axis === 'time') return row.elapsedMs / 1000;
  if (axis === 'step') return row.step ?? row.epoch;
  return row.epoch;
}

/** CSV text of rows (arrays); cells with commas or quotes are quoted. */
export function toCsv(header, rows) {
  const cell = v => {
    if (v === null || v === undefined) return '';
    const text = String(v);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map(r => r.map(cell).join(',')).join('\n') + '\n';
}

/** An axis range over [lo, hi] whose ticks fall on 1, 2 or 5 × 10^k, about `target` of them. */
export function niceRange(lo, hi, target = 5) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  if (hi <= lo) hi = lo + 1;
  const rough = (hi - lo) / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map(m => m * magnitude).find(s => s >= rough);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  return { min, max, tickAmount: Math.round((max - min) / step) };
}
