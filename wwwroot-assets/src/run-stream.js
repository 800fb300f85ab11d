// One SignalR connection per page to /hubs/training; run streams resume after the last seen seq.
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
    entry = { connection, started: connection.start(), watchers: new Set() };
    connection.onreconnected(() => entry.watchers.forEach(w => w.resubscribe()));
    connections.set(hubUrl, entry);
  }
  return entry;
}

/**
 * Streams a run's events (history, then live) to onEvent; after a dropped connection it
 * resumes from the last seq it saw, so no event is lost or repeated. Returns { stop() }.
 */
export function watchRun(hubUrl, runId, afterSeq, onEvent, onDone) {
  const entry = connectionFor(hubUrl);
  let lastSeq = afterSeq ?? 0;
  let subscription = null;
  let stopped = false;
  const watcher = {
    resubscribe() {
      if (stopped) return;
      subscription = entry.connection.stream('Watch', runId, lastSeq).subscribe({
        next(event) {
          if (event.seq <= lastSeq) return;
          lastSeq = event.seq;
          onEvent(event);
        },
        complete() { finish(); },
        error() { /* connection lost: onreconnected resubscribes from lastSeq */ },
      });
    },
  };
  function finish() {
    if (stopped) return;
    stopped = true;
    entry.watchers.delete(watcher);
    onDone?.();
  }
  entry.watchers.add(watcher);
  entry.started.then(() => watcher.resubscribe(), () => finish());
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      entry.watchers.delete(watcher);
      subscription?.dispose();
    },
  };
}
