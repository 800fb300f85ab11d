using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Security;
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
    [Inject] protected UserRuns Runs { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected EngineLocalizer E { get; set; } = null!;

    /// <summary>The problem this page shows.</summary>
    protected abstract string ProblemId { get; }

    /// <summary>The problem, or null when the engine has no such problem (not built yet).</summary>
    protected ProblemDescriptor? Problem { get; private set; }

    /// <summary>The settings in the form (and the URL).</summary>
    protected Dictionary<string, object?> Values { get; private set; } = [];

    /// <summary>The run shown, live while it runs, with its own settings; null before the first run.</summary>
    protected RunView? Run => _feed?.View;

    /// <summary>The run id the URL asked for when no run of this problem has it (deleted, or never existed).</summary>
    protected string? MissingRunId { get; private set; }

    /// <summary>True once the circuit is interactive (after the first render); rendered as a marker for tests.</summary>
    protected bool Interactive { get; private set; }

    private RunFeed? _feed;
    private string? _shownProblemId;
    private string? _seenUri;

    protected override void OnParametersSet()
    {
        var problemChanged = _shownProblemId != ProblemId;
        if (problemChanged)
        {
            _shownProblemId = ProblemId;
            Problem = Runs.Catalog.Find(ProblemId)?.Descriptor;
        }
        if (!problemChanged && Navigation.Uri == _seenUri) return;
        _seenUri = Navigation.Uri;
        if (Problem is not null) Values = SettingsValues.FromQuery(Problem.Settings, Query());
        // Another problem, or a link followed on this page (the menu, "latest run") that names another run or none.
        _ = DetachAsync();
        MissingRunId = null;
        if (Interactive) AttachToInitialRun();
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

    /// <summary>Train was pressed: show the new run with the settings it was started with, and deep-link it.</summary>
    protected async Task OnStartedAsync(string runId)
    {
        await DetachAsync();
        MissingRunId = null;
        var record = Runs.Get(runId);
        if (record is not null) Values = SettingsValues.FromRun(Problem!.Settings, record.Settings);
        Attach(new RunView(runId, ProblemId) { Settings = Values });
        WriteUri(run: runId);
    }

    /// <summary>
    /// The run the URL names; else, unless the URL carries settings to try (a draft, shown with no
    /// run beside it), the problem's latest run. The form starts from the shown run's settings.
    /// </summary>
    private void AttachToInitialRun()
    {
        if (Problem is null) return;
        var query = Query();
        var requested = query.GetValueOrDefault("run");
        MissingRunId = null;
        RunRecord? record;
        if (requested is not null)
        {
            record = Runs.Get(requested);
            if (record is null || record.Summary.ProblemId != ProblemId)
            {
                MissingRunId = requested;
                return;
            }
        }
        else if (Problem.Settings.Any(s => query.ContainsKey(s.Name)))
            return;
        else
            record = Runs.List(ProblemId).FirstOrDefault() is { } latest ? Runs.Get(latest.RunId) : null;
        if (record is null) return;
        Values = SettingsValues.FromRun(Problem.Settings, record.Settings);
        Attach(RunView.FromSummary(record.Summary, record.Error, Values));
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
        _seenUri = Navigation.GetUriWithQueryParameters(query);
        Navigation.NavigateTo(_seenUri, new NavigationOptions { ReplaceHistoryEntry = true });
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
