// node --test wwwroot-assets/test (no browser, no dependencies)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smooth, downsample, toLog10, logAxisRange, xOf, toCsv, niceRange } from '../src/series-math.js';

test('smooth is a debiased EMA: the first point is kept and a constant stays constant', () => {
  const out = smooth([[1, 4], [2, 4], [3, 4]], 0.9);
  assert.deepEqual(out.map(p => p[1]).map(v => Number(v.toFixed(12))), [4, 4, 4]);
  const step = smooth([[1, 0], [2, 10]], 0.5);
  assert.equal(step[0][1], 0);
  // (0.5·0·0.5 + 0.5·10) / (1 − 0.25) = 5 / 0.75
  assert.ok(Math.abs(step[1][1] - 5 / 0.75) < 1e-12);
});

test('toLog10 draws positive values that span less than a decade and counts the ones it drops', () => {
  const { data, dropped } = toLog10([[1, 0.5], [2, 0.9], [3, 0], [4, -1], [5, NaN], [6, 1]]);
  assert.equal(dropped, 3);
  assert.deepEqual(data.map(p => p[1] === null ? null : Number(p[1].toFixed(6))),
    [Number(Math.log10(0.5).toFixed(6)), Number(Math.log10(0.9).toFixed(6)), null, null, null, 0]);
  assert.ok(data.every(p => p[1] === null || Number.isFinite(p[1])));
});

test('logAxisRange gives whole decades over two or more, else a padded finite range', () => {
  assert.deepEqual(logAxisRange([-2.3, 0.4, null]), { min: -3, max: 1, tickAmount: 4 });
  const narrow = logAxisRange([Math.log10(0.3), Math.log10(0.9)]);
  assert.ok(narrow.min < Math.log10(0.3) && narrow.max > Math.log10(0.9));
  assert.equal(narrow.tickAmount, 5);
  assert.equal(logAxisRange([null]), null);
});

test('xOf reads step (epoch when missing), epoch or seconds', () => {
  assert.equal(xOf({ epoch: 3, step: 300, elapsedMs: 1500 }, 'step'), 300);
  assert.equal(xOf({ epoch: 3, elapsedMs: 1500 }, 'step'), 3);
  assert.equal(xOf({ epoch: 3, step: 300, elapsedMs: 1500 }, 'epoch'), 3);
  assert.equal(xOf({ epoch: 3, step: 300, elapsedMs: 1500 }, 'time'), 1.5);
});

test('toCsv quotes cells with commas and leaves missing cells empty', () => {
  assert.equal(toCsv(['a', 'b'], [[1, 'x,y'], [null, 2]]), 'a,b\n1,"x,y"\n,2\n');
});

test('downsample keeps the ends and at most the threshold', () => {
  const points = Array.from({ length: 1000 }, (_, i) => [i, Math.sin(i / 10)]);
  const out = downsample(points, 100);
  assert.equal(out.length, 100);
  assert.deepEqual(out[0], points[0]);
  assert.deepEqual(out[99], points[999]);
});

test('niceRange puts ticks on round numbers', () => {
  assert.deepEqual(niceRange(10, 20000), { min: 0, max: 20000, tickAmount: 4 });
  assert.deepEqual(niceRange(1, 100), { min: 0, max: 100, tickAmount: 5 });
  assert.deepEqual(niceRange(0.3, 1.45), { min: 0, max: 1.5, tickAmount: 3 });
  assert.equal(niceRange(NaN, 1), null);
});
