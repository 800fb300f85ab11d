using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace LabDashboard.Web.Components.Shared;

/// <summary>
/// What every problem page shares: the problem's descriptor, settings carried in the URL's query
/// string, and the run shown (<c>?run=id</c>, else the problem's latest run), kept live by a
/// <see cref="RunFeed"/> attached after the first render. A page derives from it
/// (<c>@inherits ProblemPageBase</c>), sets <see cref="ProblemId"/>, and composes
/// <see cref="RunControls"/>, <see cref="LiveChart"/>, <see cref="AnswerChecks"/>… from
/// <see cref="Problem"/>, <see cref="Values"/> and <see cref="Run"/>.
/// </summary>
public abstract class ProblemPageBase : ComponentBase, IAsyncDisposable
{
    [Inject] protected IRunService Runs { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected EngineLocalizer E { get; set; } = null!;

    /// <summary>The problem this page shows.</summary>
    protected abstract string ProblemId { get; }

    /// <summary>The problem, or null when the engine has no such problem (not built yet).</summary>
    protected ProblemDescriptor? Problem { get; private set; }

    /// <summary>The settings in the form (and the URL).</summary>
    protected Dictionary<string, object?> Values { get; private set; } = [];

    /// <summary>The run shown, live while it runs; null before the first run.</summary>
    protected RunView? Run => _feed?.View;

    /// <summary>True once the circuit is interactive (after the first render); rendered as a marker for tests.</summary>
    protected bool Interactive { get; private set; }

    private RunFeed? _feed;
    private string? _shownProblemId;
    private string? _uriWeWrote;

    protected override void OnParametersSet()
    {
        if (_shownProblemId != ProblemId)
        {
            _shownProblemId = ProblemId;
            Problem = Runs.Catalog.Find(ProblemId)?.Descriptor;
            _ = DetachAsync();
            if (Interactive) AttachToInitialRun();
        }
        if (Problem is not null && Navigation.Uri != _uriWeWrote)
            Values = SettingsValues.FromQuery(Problem.Settings, Query());
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        Interactive = true;
        AttachToInitialRun();
        StateHasChanged();
    }

    /// <summary>Settings changed in the form: keep them and put the ones off the exam's values in the URL.</summary>
    protected void OnValuesChanged(Dictionary<string, object?> values)
    {
        Values = values;
        WriteUri(run: Run?.RunId);
    }

    /// <summary>Train was pressed: show the new run and deep-link it.</summary>
    protected async Task OnStartedAsync(string runId)
    {
        await DetachAsync();
        Attach(new RunView(runId, ProblemId));
        WriteUri(run: runId);
    }

    private void AttachToInitialRun()
    {
        if (Problem is null) return;
        var requested = Query().GetValueOrDefault("run");
        var record = requested is not null ? Runs.Get(requested) : null;
        var summary = record?.Summary ?? Runs.List(ProblemId).FirstOrDefault();
        record ??= summary is null ? null : Runs.Get(summary.RunId);
        if (record is null || record.Summary.ProblemId != ProblemId) return;
        if (requested is not null) Values = SettingsValues.FromRun(Problem.Settings, record.Settings);
        Attach(RunView.FromSummary(record.Summary, record.Error));
    }

    private void Attach(RunView view) => _feed = new RunFeed(Runs, view, InvokeAsync, StateHasChanged);

    private async Task DetachAsync()
    {
        var feed = _feed;
        _feed = null;
        if (feed is not null) await feed.DisposeAsync();
    }

    private void WriteUri(string? run)
    {
        if (Problem is null) return;
        var query = SettingsValues.ToQuery(Problem.Settings, Values);
        query["run"] = run;
        _uriWeWrote = Navigation.GetUriWithQueryParameters(query);
        Navigation.NavigateTo(_uriWeWrote, new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private Dictionary<string, string?> Query()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        return query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await DetachAsync();
        GC.SuppressFinalize(this);
    }
}
