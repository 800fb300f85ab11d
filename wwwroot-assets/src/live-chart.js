// A live line chart of run metrics: points arrive over the run's shared hub stream (run-stream.js),
// the chart redraws a few times a second without animation, every series capped at maxPoints by
// LTTB downsampling.
import ApexCharts from '../apexcharts/apexcharts.esm.js';
import { watchRun } from './run-stream.js';
import { smooth, downsample, positiveOnly } from './series-math.js';

const MAX_RUNS = 4;
// Below this many points per series a line alone hides them (one epoch draws nothing): show dots.
const FEW_POINTS = 20;
const MARKER_SIZE = 4;
// The chart draws epoch points only; every chart of a page asks for the same kinds, so they share a run's stream.
const WATCHED_KINDS = ['epoch'];

class LiveChart {
  constructor(element, options) {
    this.element = element;
    this.options = { hubUrl: '/hubs/training', maxPoints: 2000, flushMs: 250, smoothing: 0, logY: false, height: 300, ...options };
    this.runs = [];           // { runId, label, watch, points: Map(metric -> [[x, y]]) }
    this.dirty = false;
    this.chart = new ApexCharts(element, this.chartOptions());
    this.rendered = this.chart.render();
    this.timer = setInterval(() => this.flush(), this.options.flushMs);
  }

  chartOptions() {
    const o = this.options;
    return {
      chart: {
        type: 'line', height: o.height, animations: { enabled: false },
        toolbar: { show: true, tools: { download: false } }, zoom: { enabled: true, type: 'x' },
        background: 'transparent', fontFamily: 'inherit',
      },
      theme: { mode: o.dark ? 'dark' : 'light' },
      series: [],
      stroke: { width: 2, curve: 'straight' },
      markers: { size: 0 },
      dataLabels: { enabled: false },
      legend: { show: true, showForSingleSeries: false },
      noData: { text: o.noDataText ?? '' },
      xaxis: { type: 'numeric', title: { text: o.xTitle ?? '' }, labels: { formatter: v => Math.round(v).toString() } },
      yaxis: this.yAxis(),
      tooltip: { x: { formatter: v => `${o.xTitle ?? ''} ${v}` } },
    };
  }

  yAxis() {
    return { logarithmic: !!this.options.logY, title: { text: this.options.yTitle ?? '' }, labels: { formatter: formatNumber } };
  }

  /** Streams a run's epoch points into the chart (up to four runs overlay). */
  watch(runId, label) {
    if (this.runs.some(r => r.runId === runId)) return true;
    if (this.runs.length >= MAX_RUNS) return false;
    const run = { runId, label: label ?? '', points: new Map(), done: false };
    run.watch = watchRun(this.options.hubUrl, runId, WATCHED_KINDS, e => this.onEvent(run, e), () => { run.done = true; });
    this.runs.push(run);
    return true;
  }

  unwatch(runId) {
    const run = this.runs.find(r => r.runId === runId);
    if (!run) return;
    run.watch.stop();
    this.runs = this.runs.filter(r => r !== run);
    this.dirty = true;
  }

  clear() {
    for (const run of this.runs) run.watch.stop();
    this.runs = [];
    this.dirty = true;
  }

  onEvent(run, event) {
    if (event.kind !== 'epoch' || !event.metrics) return;
    for (const metric of this.options.metrics) {
      const y = event.metrics[metric.name];
      if (y === undefined) continue;
      if (!run.points.has(metric.name)) run.points.set(metric.name, []);
      run.points.get(metric.name).push([event.epoch, y]);
    }
    this.dirty = true;
  }

  setSmoothing(weight) { this.options.smoothing = weight; this.dirty = true; }

  setLogY(logY) {
    this.options.logY = logY;
    this.chart.updateOptions({ yaxis: this.yAxis() }, false, false);
    this.dirty = true;
  }

  setDark(dark) {
    this.options.dark = dark;
    this.chart.updateOptions({ theme: { mode: dark ? 'dark' : 'light' } }, false, false);
  }

  /** What the chart shows, as columns for "view as table". */
  table() {
    const series = this.displaySeries(0);
    const xs = [...new Set(series.flatMap(s => s.data.map(p => p[0])))].sort((a, b) => a - b);
    const columns = series.map(s => s.name);
    const lookups = series.map(s => new Map(s.data));
    return { columns, rows: xs.map(x => [x, ...lookups.map(m => m.get(x) ?? null)]) };
  }

  displaySeries(smoothing) {
    const multiRun = this.runs.length > 1;
    const series = [];
    for (const run of this.runs) {
      for (const metric of this.options.metrics) {
        let data = run.points.get(metric.name) ?? [];
        data = downsample(smooth(data, smoothing), this.options.maxPoints);
        if (this.options.logY) data = positiveOnly(data);
        const name = multiRun ? `${run.label || run.runId} · ${metric.label}` : metric.label;
        series.push({ name, data });
      }
    }
    return series;
  }

  pointCount() {
    let count = 0;
    for (const run of this.runs) for (const points of run.points.values()) count += points.length;
    return count;
  }

  async flush() {
    if (!this.dirty) return;
    this.dirty = false;
    await this.rendered;
    const series = this.displaySeries(this.options.smoothing);
    this.showMarkersIfFew(series);
    this.chart.updateSeries(series, false);
    this.element.dataset.points = String(this.pointCount());
  }

  showMarkersIfFew(series) {
    const few = series.some(s => s.data.length > 0) && series.every(s => s.data.length <= FEW_POINTS);
    const size = few ? MARKER_SIZE : 0;
    if (size === this.markerSize) return;
    this.markerSize = size;
    this.chart.updateOptions({ markers: { size } }, false, false);
    this.element.dataset.markers = String(size);
  }

  dispose() {
    clearInterval(this.timer);
    this.clear();
    this.chart.destroy();
  }
}

function formatNumber(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : Number(v.toPrecision(4)).toString();
}

/** Creates a live chart in `element`; returns the object .NET holds as an IJSObjectReference. */
export function createLiveChart(element, options) {
  return new LiveChart(element, options);
}
