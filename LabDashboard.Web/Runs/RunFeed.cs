using LabDashboard.Engine.Runs;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Runs;

/// <summary>
/// Keeps a <see cref="RunView"/> of one run up to date inside a component: the run's events from
/// <see cref="UserRuns.Watch(string, long, CancellationToken)"/> after what the view holds, folded in by a
/// <see cref="ThrottledFeed{T}"/> at most five times a second (<c>finished</c> at once). Create it
/// after the first render; dispose it with the component.
/// </summary>
public sealed class RunFeed : IAsyncDisposable
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(200);

    private readonly ThrottledFeed<RunEvent> _feed;

    /// <param name="runs">The run service.</param>
    /// <param name="initial">What is known already (e.g. <see cref="RunView.FromSummary"/>), or a new view.</param>
    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>.</param>
    /// <param name="changed">Called on the dispatcher after events were folded in (e.g. <c>StateHasChanged</c>).</param>
    public RunFeed(UserRuns runs, RunView initial, Func<Action, Task> invokeAsync, Action changed)
    {
        View = initial;
        _feed = new ThrottledFeed<RunEvent>(
            cancellation => runs.Watch(initial.RunId, initial.LastSeq, cancellation),
            invokeAsync, View.Apply, changed, RenderInterval, e => e.Kind == RunEventKinds.Finished);
    }

    public RunView View { get; }

    public string RunId => View.RunId;

    public ValueTask DisposeAsync() => _feed.DisposeAsync();
}
