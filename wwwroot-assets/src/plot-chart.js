// A chart whose data .NET sets as a whole (a histogram, a scatter with a fitted curve):
// small payloads, redrawn at most a few times a second, no animation.
import ApexCharts from '../apexcharts/apexcharts.esm.js';

class PlotChart {
  constructor(element, options) {
    this.element = element;
    this.options = { height: 300, ...options };
    this.chart = new ApexCharts(element, this.chartOptions([]));
    this.rendered = this.chart.render();
  }

  chartOptions(series) {
    const o = this.options;
    return {
      chart: { type: 'line', height: o.height, animations: { enabled: false }, toolbar: { show: false }, zoom: { enabled: false }, background: 'transparent', fontFamily: 'inherit' },
      theme: { mode: o.dark ? 'dark' : 'light' },
      series,
      plotOptions: { bar: { columnWidth: '95%' } },
      dataLabels: { enabled: false },
      stroke: { width: series.map(s => (s.type === 'line' ? 2.5 : 0)) },
      markers: { size: series.map(s => (s.type === 'scatter' ? 4 : 0)) },
      legend: { show: series.length > 1 },
      noData: { text: o.noDataText ?? '' },
      xaxis: { type: 'numeric', title: { text: o.xTitle ?? '' }, tickAmount: 8, labels: { formatter: v => round(v) } },
      yaxis: { title: { text: o.yTitle ?? '' }, labels: { formatter: v => round(v) } },
      tooltip: { shared: false, intersect: true },
    };
  }

  /** series: [{ name, type: 'scatter' | 'line' | 'column', data: [[x, y], ...] }] */
  async setSeries(series) {
    await this.rendered;
    this.chart.updateOptions(this.chartOptions(series), false, false);
    this.element.dataset.points = String(series.reduce((n, s) => n + s.data.length, 0));
    // What is drawn, readable by tests and assistive scripts (payloads are a few KB).
    this.element.dataset.series = JSON.stringify(series.map(s => ({ name: s.name, type: s.type, data: s.data })));
  }

  setDark(dark) {
    this.options.dark = dark;
    this.chart.updateOptions({ theme: { mode: dark ? 'dark' : 'light' } }, false, false);
  }

  dispose() { this.chart.destroy(); }
}

function round(v) {
  return Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '';
}

export function createPlotChart(element, options) {
  return new PlotChart(element, options);
}
