using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

/// <summary>Reads a hub <c>Watch</c> stream with a time limit, so a broken run fails a test instead of hanging it.</summary>
internal static class HubStream
{
    public static async Task<List<RunEvent>> WatchToEndAsync(this HubConnection hub, string runId, long afterSeq = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var events = new List<RunEvent>();
        await foreach (var e in hub.StreamAsync<RunEvent>("Watch", runId, afterSeq, timeout.Token))
            events.Add(e);
        return events;
    }

    /// <summary>Reads until <paramref name="stop"/> says so; returns what was read (the stream is cancelled).</summary>
    public static async Task<List<RunEvent>> WatchUntilAsync(this HubConnection hub, string runId, long afterSeq, Func<RunEvent, bool> stop)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var events = new List<RunEvent>();
        await foreach (var e in hub.StreamAsync<RunEvent>("Watch", runId, afterSeq, timeout.Token))
        {
            events.Add(e);
            if (stop(e)) break;
        }
        return events;
    }
}
