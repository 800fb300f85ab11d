// "View as table": a run's epoch points, one page at a time, fetched over HTTP from
// GET /api/runs/{id}/points — a long run never goes through the Blazor circuit.

const PAGE_SIZE = 50;

export class PointsTable {
  /** texts: { epoch, step, time, previous, next, refresh, rows ('{0}–{1} of {2}'), none, failed }. */
  constructor(host, metrics, texts) {
    this.host = host;
    this.metrics = metrics;
    this.texts = texts;
    this.sections = [];
  }

  setRuns(runs) {
    this.host.replaceChildren();
    this.sections = runs.map(run => new RunSection(this, run));
    if (runs.length === 0) this.host.append(text('p', this.texts.none ?? ''));
  }

  dispose() {
    this.sections = [];
    this.host.replaceChildren();
  }
}

class RunSection {
  constructor(table, run) {
    this.table = table;
    this.run = run;
    this.offset = 0;
    this.root = document.createElement('section');
    this.root.className = 'points-table';
    this.root.dataset.runId = run.runId;
    table.host.append(this.root);
    this.load();
  }

  async load() {
    const params = new URLSearchParams({ offset: String(this.offset), limit: String(PAGE_SIZE) });
    for (const m of this.table.metrics) params.append('metric', m.name);
    const url = new URL(`api/runs/${encodeURIComponent(this.run.runId)}/points?${params}`, document.baseURI);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      this.render(await response.json());
    } catch {
      this.root.replaceChildren(text('p', this.table.texts.failed ?? ''));
    }
  }

  render(page) {
    const t = this.table.texts;
    const parts = [];
    if (this.run.label) parts.push(text('h4', this.run.label));
    if (page.total === 0) {
      this.root.replaceChildren(...parts, text('p', t.none ?? ''));
      return;
    }
    const labels = new Map(this.table.metrics.map(m => [m.name, m.label]));
    const head = [t.epoch, t.step, t.time, ...page.metrics.map(m => labels.get(m) ?? m)];
    const table = document.createElement('table');
    table.className = 'points-table-grid';
    table.style.cssText = 'border-collapse: collapse; width: 100%; font-size: .875rem; font-variant-numeric: tabular-nums';
    table.append(row('th', head));
    for (const p of page.rows) table.append(row('td', [p.epoch, p.step, formatSeconds(p.elapsedMs), ...p.values.map(formatValue)]));
    const first = page.offset + 1;
    const last = page.offset + page.rows.length;
    const pager = document.createElement('div');
    pager.className = 'points-table-pager';
    pager.append(
      button(t.previous, page.offset === 0, () => this.go(page.offset - PAGE_SIZE)),
      text('span', (t.rows ?? '{0}–{1} of {2}').replace('{0}', first).replace('{1}', last).replace('{2}', page.total)),
      button(t.next, last >= page.total, () => this.go(page.offset + PAGE_SIZE)),
      // A live run keeps adding points: the page is fetched again on demand.
      button(t.refresh, false, () => this.load()));
    pager.style.cssText = 'display: flex; gap: 1rem; align-items: center; margin-top: .5rem';
    const scroller = document.createElement('div');
    scroller.className = 'points-table-scroll';
    scroller.style.cssText = 'max-height: 22rem; overflow: auto';
    scroller.append(table);
    this.root.replaceChildren(...parts, scroller, pager);
    this.root.dataset.total = String(page.total);
    this.root.dataset.offset = String(page.offset);
  }

  go(offset) {
    this.offset = Math.max(0, offset);
    this.load();
  }
}

function text(tag, content) {
  const element = document.createElement(tag);
  element.textContent = content ?? '';
  return element;
}

function row(cellTag, cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const cell = text(cellTag, c === null || c === undefined ? '' : String(c));
    cell.style.cssText = 'padding: 2px 8px; text-align: right; border-bottom: 1px solid rgba(128, 128, 128, .3)';
    tr.append(cell);
  }
  return tr;
}

function button(label, disabled, onClick) {
  const b = text('button', label);
  b.type = 'button';
  // MudBlazor's text-button look, so the pager matches the page's other buttons.
  b.className = 'mud-button-root mud-button mud-button-text mud-button-text-primary mud-button-text-size-small';
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

function formatSeconds(ms) {
  return ms === null || ms === undefined ? '' : (ms / 1000).toFixed(1);
}

function formatValue(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : Number(v.toPrecision(5)).toString();
}
