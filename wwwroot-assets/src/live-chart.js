// A live line chart of run metrics: points arrive over the run's shared hub stream (run-stream.js),
// the chart redraws a few times a second without animation, every series capped at maxPoints by
// LTTB downsampling. With smoothing, the raw series is drawn faintly beside the smoothed one.
import ApexCharts from '../apexcharts/apexcharts.esm.js';
import { watchRun } from './run-stream.js';
import { smooth, downsample, toLog10, logAxisRange, niceRange, xOf, toCsv } from './series-math.js';
import { PointsTable } from './points-table.js';

const MAX_RUNS = 4;
// Below this many points per series a line alone hides them (one epoch draws nothing): show dots.
const FEW_POINTS = 20;
const MARKER_SIZE = 4;
// The chart draws epoch points only; every chart of a page asks for the same kinds, so they share a run's stream.
const WATCHED_KINDS = ['epoch'];
const PALETTE = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41', '#3949ab'];
// The raw series behind a smoothed one: its colour at this alpha (hex), a thinner line.
const RAW_ALPHA = '40';

class LiveChart {
  constructor(element, options) {
    this.element = element;
    this.options = { hubUrl: '/hubs/training', maxPoints: 2000, flushMs: 250, smoothing: 0, logY: false, height: 300, xAxis: 'step', ...options };
    this.runs = [];           // { runId, label, watch, rows: [{ epoch, step, elapsedMs, metrics }] }
    this.dirty = false;
    this.chart = new ApexCharts(element, this.chartOptions([], null, null));
    this.rendered = this.chart.render();
    this.timer = setInterval(() => this.flush(), this.options.flushMs);
  }

  chartOptions(series, logRange, xRange) {
    const o = this.options;
    const shown = series.filter(s => !s.raw);
    return {
      chart: {
        type: 'line', height: o.height, animations: { enabled: false },
        toolbar: { show: true, tools: { download: false } }, zoom: { enabled: true, type: 'x' },
        background: 'transparent', fontFamily: 'inherit',
      },
      theme: { mode: o.dark ? 'dark' : 'light' },
      series: series.map(s => ({ name: s.name, data: s.data })),
      colors: series.map(s => s.color),
      stroke: { width: series.map(s => (s.raw ? 1 : 2)), curve: 'straight' },
      markers: { size: this.markerSize ?? 0 },
      dataLabels: { enabled: false },
      // Only the drawn series are named; the raw ones behind them follow their colour.
      legend: {
        show: shown.length > 1, showForSingleSeries: false, customLegendItems: shown.map(s => s.name),
        onItemClick: { toggleDataSeries: false }, onItemHover: { highlightDataSeries: false },
      },
      noData: { text: o.noDataText ?? '' },
      xaxis: { type: 'numeric', ...(xRange ?? {}), title: { text: this.xTitle() }, labels: { formatter: formatX(o.xAxis) } },
      yaxis: this.yAxis(logRange),
      tooltip: { x: { formatter: v => `${this.xTitle()} ${formatX(o.xAxis)(v)}` } },
    };
  }

  xTitle() { return this.options.xTitles?.[this.options.xAxis] ?? ''; }

  yAxis(logRange) {
    const o = this.options;
    const title = { text: o.logY ? `${o.yTitle ?? ''} (log)`.trim() : o.yTitle ?? '' };
    if (!o.logY) return { title, min: undefined, max: undefined, tickAmount: undefined, forceNiceScale: false, labels: { formatter: formatNumber } };
    return {
      title, forceNiceScale: false, ...(logRange ?? {}),
      labels: { formatter: v => (Number.isFinite(v) ? formatNumber(Number((10 ** v).toPrecision(2))) : '') },
    };
  }

  /** Streams a run's epoch points into the chart (up to four runs overlay). */
  watch(runId, label) {
    if (this.runs.some(r => r.runId === runId)) return true;
    if (this.runs.length >= MAX_RUNS) return false;
    const run = { runId, label: label ?? '', rows: [], done: false };
    run.watch = watchRun(this.options.hubUrl, runId, WATCHED_KINDS, e => this.onEvent(run, e), () => { run.done = true; });
    this.runs.push(run);
    this.table?.setRuns(this.runs);
    return true;
  }

  unwatch(runId) {
    const run = this.runs.find(r => r.runId === runId);
    if (!run) return;
    run.watch.stop();
    this.runs = this.runs.filter(r => r !== run);
    this.table?.setRuns(this.runs);
    this.dirty = true;
  }

  clear() {
    for (const run of this.runs) run.watch.stop();
    this.runs = [];
    this.dirty = true;
  }

  onEvent(run, event) {
    if (event.kind !== 'epoch' || !event.metrics) return;
    run.rows.push({ epoch: event.epoch, step: event.step, elapsedMs: event.elapsedMs, metrics: event.metrics });
    this.dirty = true;
  }

  setSmoothing(weight) { this.options.smoothing = weight; this.dirty = true; }

  setLogY(logY) { this.options.logY = logY; this.dirty = true; }

  /** 'step', 'epoch' or 'time' (wall-clock seconds since the run started). */
  setXAxis(axis) { this.options.xAxis = axis; this.dirty = true; }

  setDark(dark) {
    this.options.dark = dark;
    this.chart.updateOptions({ theme: { mode: dark ? 'dark' : 'light' } }, false, false);
  }

  /** Shows the points as a paged table fetched over HTTP (GET /api/runs/{id}/points) in `host`, or hides it. */
  showTable(host, show) {
    if (!show) {
      this.table?.dispose();
      this.table = null;
      this.element.style.display = '';
      return;
    }
    this.element.style.display = 'none';
    this.table = new PointsTable(host, this.options.metrics, this.options.tableText ?? {});
    this.table.setRuns(this.runs);
  }

  /** One series (and its faint raw series when smoothed) per metric per run, x by the chosen axis. */
  displaySeries() {
    const o = this.options;
    const multiRun = this.runs.length > 1;
    const series = [];
    let dropped = 0;
    let colour = 0;
    for (const run of this.runs) {
      for (const metric of o.metrics) {
        const raw = run.rows.filter(r => r.metrics[metric.name] !== undefined).map(r => [xOf(r, o.xAxis), r.metrics[metric.name]]);
        const name = multiRun ? `${run.label || run.runId} · ${metric.label}` : metric.label;
        const color = PALETTE[colour++ % PALETTE.length];
        const drawn = o.smoothing > 0 ? smooth(raw, o.smoothing) : raw;
        series.push({ name, color, data: downsample(drawn, o.maxPoints) });
        if (o.smoothing > 0) series.push({ name: `${name} (raw)`, color: color + RAW_ALPHA, raw: true, data: downsample(raw, o.maxPoints) });
        dropped += o.logY ? raw.filter(p => !(p[1] > 0 && Number.isFinite(p[1]))).length : 0;
      }
    }
    if (o.logY) for (const s of series) s.data = toLog10(s.data).data;
    // Drawn series first (the legend names them), raw ones after them at low alpha.
    return { series: [...series.filter(s => !s.raw), ...series.filter(s => s.raw)], dropped };
  }

  pointCount() {
    let count = 0;
    for (const run of this.runs) for (const row of run.rows) count += this.options.metrics.filter(m => row.metrics[m.name] !== undefined).length;
    return count;
  }

  async flush() {
    if (!this.dirty) return;
    this.dirty = false;
    await this.rendered;
    const { series, dropped } = this.displaySeries();
    const logRange = this.options.logY ? logAxisRange(series.flatMap(s => s.data.map(p => p[1]))) : null;
    const xs = series.flatMap(s => s.data.map(p => p[0]));
    const xRange = xs.length > 0 ? niceRange(xs.reduce((a, b) => Math.min(a, b)), xs.reduce((a, b) => Math.max(a, b))) : null;
    this.markerSize = markerSizeFor(series);
    this.chart.updateOptions(this.chartOptions(series, logRange, xRange), false, false);
    this.element.dataset.points = String(this.pointCount());
    this.element.dataset.markers = String(this.markerSize);
    this.element.dataset.logDropped = String(dropped);
    this.showLogNote(dropped);
  }

  showLogNote(dropped) {
    const note = this.options.noteElement;
    if (!note) return;
    note.textContent = dropped > 0 ? (this.options.logNoteText ?? '{0}').replace('{0}', String(dropped)) : '';
  }

  /** Saves the chart as a PNG. */
  async downloadPng(fileName) {
    await this.rendered;
    const { imgURI } = await this.chart.dataURI({ scale: 2 });
    save(imgURI, fileName);
  }

  /** Saves every point the chart holds (all runs, all its metrics, unsmoothed) as CSV. */
  downloadCsv(fileName) {
    const metrics = this.options.metrics;
    const rows = this.runs.flatMap(run => run.rows.map(r => [run.runId, run.label, r.epoch, r.step, r.elapsedMs, ...metrics.map(m => r.metrics[m.name])]));
    const csv = toCsv(['runId', 'run', 'epoch', 'step', 'elapsedMs', ...metrics.map(m => m.name)], rows);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    save(url, fileName);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  dispose() {
    clearInterval(this.timer);
    this.table?.dispose();
    this.clear();
    this.chart.destroy();
  }
}

function markerSizeFor(series) {
  const drawn = series.filter(s => !s.raw);
  const few = drawn.some(s => s.data.length > 0) && drawn.every(s => s.data.length <= FEW_POINTS);
  return few ? MARKER_SIZE : 0;
}

function save(url, fileName) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

function formatX(axis) {
  return axis === 'time' ? v => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '') : v => Math.round(v).toString();
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
