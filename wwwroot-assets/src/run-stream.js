// One SignalR connection per page to /hubs/training and one Watch stream per run: every chart of
// the page that draws a run shares that run's stream (ref-counted; the last one to stop ends it).
// A stream keeps the events of the kinds it was opened for, so a chart that joins late gets them
// all; after a dropped connection it resumes from the last seq it saw, so no event is lost or repeated.
import '../signalr/signalr.min.js';

const signalR = globalThis.signalR;
const connections = new Map();

function connectionFor(hubUrl) {
  let entry = connections.get(hubUrl);
  if (!entry) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hubUrl)
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    entry = { connection, started: connection.start(), streams: new Map() };
    connection.onreconnected(() => entry.streams.forEach(s => s.subscribe()));
    connections.set(hubUrl, entry);
  }
  return entry;
}

class RunStream {
  constructor(entry, key, runId, kinds) {
    this.entry = entry;
    this.key = key;
    this.runId = runId;
    this.kinds = kinds ? new Set(kinds) : null;
    this.kept = [];
    this.listeners = new Set();
    this.lastSeq = 0;
    this.done = false;
    this.closed = false;
    this.subscription = null;
    entry.started.then(() => this.subscribe(), () => this.finish());
  }

  subscribe() {
    if (this.closed || this.done) return;
    this.subscription = this.entry.connection.stream('Watch', this.runId, this.lastSeq).subscribe({
      next: event => this.receive(event),
      complete: () => this.finish(),
      error: () => { /* connection lost: onreconnected subscribes again from lastSeq */ },
    });
  }

  receive(event) {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    if (this.kinds && !this.kinds.has(event.kind)) return;
    this.kept.push(event);
    this.listeners.forEach(l => l.onEvent(event));
  }

  finish() {
    if (this.done) return;
    this.done = true;
    this.listeners.forEach(l => l.onDone?.());
  }

  add(listener) {
    this.listeners.add(listener);
    this.kept.forEach(e => listener.onEvent(e));
    if (this.done) listener.onDone?.();
  }

  remove(listener) {
    this.listeners.delete(listener);
    if (this.listeners.size > 0) return;
    this.closed = true;
    this.subscription?.dispose();
    this.entry.streams.delete(this.key);
  }
}

/**
 * Streams a run's events of `kinds` (all kinds when null) to onEvent — those seen so far first —
 * and calls onDone once the run has finished. Charts asking for the same run and kinds share one
 * hub stream. Returns { stop() }.
 */
export function watchRun(hubUrl, runId, kinds, onEvent, onDone) {
  const entry = connectionFor(hubUrl);
  const key = `${runId} ${kinds ? [...kinds].sort().join(',') : '*'}`;
  let stream = entry.streams.get(key);
  if (!stream) {
    stream = new RunStream(entry, key, runId, kinds);
    entry.streams.set(key, stream);
  }
  const listener = { onEvent, onDone };
  stream.add(listener);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      stream.remove(listener);
    },
  };
}
