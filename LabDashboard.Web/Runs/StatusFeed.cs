using LabDashboard.Engine.Runs;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Runs;

/// <summary>
/// Tells a list (home cards, the runs table) that some run's status changed — from
/// <see cref="UserRuns.WatchStatuses"/> through a <see cref="ThrottledFeed{T}"/>, at most twice
/// a second. Create it after the first render; dispose it with the component.
/// </summary>
public sealed class StatusFeed(UserRuns runs, Func<Action, Task> invokeAsync, Action changed) : IAsyncDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private readonly ThrottledFeed<RunEvent> _feed = new(runs.WatchStatuses, invokeAsync, _ => true, changed, RefreshInterval);

    public ValueTask DisposeAsync() => _feed.DisposeAsync();
}
