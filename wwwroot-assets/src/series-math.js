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

/** Log axes cannot show zero or negative values: those become gaps. */
export function positiveOnly(points) {
  return points.map(([x, y]) => [x, y > 0 ? y : null]);
}
