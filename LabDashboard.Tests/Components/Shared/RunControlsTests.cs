using Bunit;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Web.Components.Shared;
using LabDashboard.Web.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LabDashboard.Tests.Components.Shared;

public class RunControlsTests : LabComponentTest
{
    [Fact]
    public void Train_starts_a_run_with_the_form_settings_and_reports_its_id()
    {
        var values = SettingsValues.Defaults(TestProblems.Mle.Settings);
        values["steps"] = 200;
        values["optimizer"] = "adam";
        string? started = null;
        var controls = Render<RunControls>(p => p
            .Add(c => c.Problem, TestProblems.Mle)
            .Add(c => c.Values, values)
            .Add(c => c.OnStarted, id => started = id));

        controls.Find("[data-testid=train]").Click();

        Assert.Equal("run-1", started);
        var (problemId, settings) = Assert.Single(Runs.Started);
        Assert.Equal("test-mle", problemId);
        Assert.Equal(200, settings!.Value.GetProperty("steps").GetInt32());
        Assert.Equal("adam", settings.Value.GetProperty("optimizer").GetString());
        Assert.Equal(43052, settings.Value.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void Train_is_disabled_while_a_setting_is_invalid()
    {
        var values = SettingsValues.Defaults(TestProblems.Mle.Settings);
        values["lr"] = 50.0;

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Values, values));

        Assert.True(controls.Find("[data-testid=train]").HasAttribute("disabled"));
        Assert.Contains("'lr': 50 is above the maximum 10", controls.Markup);
    }

    [Fact]
    public void The_seed_sits_beside_Train_and_not_in_the_settings_form()
    {
        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle));

        Assert.Single(controls.FindAll("#setting-seed"));
        Assert.Empty(controls.Find("[data-testid=settings-form]").QuerySelectorAll("#setting-seed"));
    }

    [Fact]
    public void Pause_and_Cancel_act_on_the_running_run()
    {
        var run = RunIn(RunEventKinds.Started);
        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, run));

        Assert.True(controls.Find("[data-testid=train]").HasAttribute("disabled"));
        controls.Find("[data-testid=pause]").Click();
        controls.Find("[data-testid=cancel]").Click();

        Assert.Equal(["pause r1", "cancel r1"], Runs.Calls);
    }

    [Fact]
    public void A_paused_run_offers_Resume()
    {
        var run = RunIn(RunEventKinds.Started, RunEventKinds.Paused);
        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, run));

        controls.Find("[data-testid=resume]").Click();

        Assert.Equal(["resume r1"], Runs.Calls);
        Assert.Equal("paused", controls.Find("[data-testid=run-status]").GetAttribute("data-status"));
    }

    [Fact]
    public void A_queued_run_shows_its_queue_position()
    {
        var run = new RunView("r1", "test-mle");
        run.Apply(Event(1, RunEventKinds.Queued) with { QueuePosition = 2 });

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, run));

        Assert.Contains("2", controls.Find("[data-testid=queue-position]").TextContent);
    }

    [Fact]
    public void Progress_counts_points_out_of_steps_over_reportEvery()
    {
        var run = RunIn(RunEventKinds.Started);
        run.Apply(Event(3, RunEventKinds.Epoch) with { Epoch = 25, ElapsedMs = 5000, Metrics = new Dictionary<string, double> { ["loss"] = 1 } });

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, run));

        var progress = controls.Find("[data-testid=run-progress]").TextContent;
        Assert.Contains("25 / 100", progress);
        Assert.Contains("ETA 0:15", progress);
    }

    [Fact]
    public void Progress_counts_epochs_when_the_problem_reports_every_epoch()
    {
        var problem = TestProblems.Mle with
        {
            Settings = [SettingSpec.Int("epochs", "Epochs", 40, 1, 1000)], ProgressSetting = "epochs", ReportEverySetting = null,
        };
        var run = RunIn(RunEventKinds.Started);
        run.Apply(Event(2, RunEventKinds.Progress) with { Metrics = new Dictionary<string, double> { ["fraction"] = 1 }, Message = "classifier trained" });
        run.Apply(Event(3, RunEventKinds.Epoch) with { Epoch = 10, ElapsedMs = 5000, Metrics = new Dictionary<string, double> { ["loss"] = 1 } });

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, problem).Add(c => c.Run, run));

        Assert.Contains("Point 10 / 40", controls.Find("[data-testid=run-progress]").TextContent);
        Assert.Equal("25", controls.Find("[data-testid=run-progress] [role=progressbar]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void Progress_counts_epoch_numbers_out_of_the_epochs_when_points_are_epochs()
    {
        var problem = TestProblems.Mle with
        {
            Settings = [SettingSpec.Int("epochs", "Epochs", 200, 1, 1000), SettingSpec.Int("reportEvery", "Report every", 5, 1, 100)],
            ProgressSetting = "epochs",
        };
        var run = RunIn(RunEventKinds.Started);
        run.Apply(Event(3, RunEventKinds.Epoch) with { Epoch = 50, ElapsedMs = 5000, Metrics = new Dictionary<string, double> { ["loss"] = 1 } });

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, problem).Add(c => c.Run, run).Add(c => c.PointsAreEpochs, true));

        Assert.Contains("Point 50 / 200", controls.Find("[data-testid=run-progress]").TextContent);
    }

    [Fact]
    public void Progress_follows_the_settings_the_descriptor_names_not_their_names()
    {
        var problem = TestProblems.Mle with
        {
            Settings = [SettingSpec.Int("rounds", "Rounds", 60, 1, 1000), SettingSpec.Int("every", "Every", 3, 1, 100)],
            ProgressSetting = "rounds",
            ReportEverySetting = "every",
        };
        var run = RunIn(RunEventKinds.Started);
        run.Apply(Event(3, RunEventKinds.Epoch) with { Epoch = 5, ElapsedMs = 5000, Metrics = new Dictionary<string, double> { ["loss"] = 1 } });

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, problem).Add(c => c.Run, run));

        Assert.Contains("5 / 20", controls.Find("[data-testid=run-progress]").TextContent);
    }

    [Fact]
    public void Progress_and_settings_are_the_shown_run_s_not_the_draft_s()
    {
        var settings = SettingsValues.Defaults(TestProblems.Mle.Settings);
        settings["steps"] = 100_000;
        var run = new RunView("r1", "test-mle") { Settings = settings };
        run.Apply(Event(1, RunEventKinds.Started));
        run.Apply(Event(2, RunEventKinds.Epoch) with { Epoch = 7751, Metrics = new Dictionary<string, double> { ["loss"] = 1 } });
        run.Apply(Event(3, RunEventKinds.Finished) with { Outcome = RunOutcome.Cancelled });

        var controls = Render<RunControls>(p => p
            .Add(c => c.Problem, TestProblems.Mle)
            .Add(c => c.Values, SettingsValues.Defaults(TestProblems.Mle.Settings))
            .Add(c => c.Run, run));

        Assert.Contains("Point 7751 / 10000", controls.Find("[data-testid=run-progress]").TextContent);
        Assert.Contains("Steps 100000", controls.Find("[data-testid=run-settings]").TextContent);
        Assert.Empty(controls.FindAll("[data-testid=settings-form]"));
    }

    [Fact]
    public void Batch_events_move_the_bar_within_the_first_epoch_and_the_caption_has_no_stray_separator()
    {
        var run = RunIn(RunEventKinds.Started);
        run.Apply(Event(2, RunEventKinds.Batch) with { Step = 40, ElapsedMs = 10_000, Metrics = new Dictionary<string, double> { ["loss"] = 1, ["etaSeconds"] = 30 } });

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, run));

        Assert.Equal("25", controls.Find("[data-testid=run-progress] [role=progressbar]").GetAttribute("aria-valuenow"));
        var caption = controls.Find("[data-testid=run-progress-caption]").TextContent.Trim();
        Assert.StartsWith("Elapsed 0:10", caption);
        Assert.Contains("ETA 0:30", caption);
    }

    [Fact]
    public void The_shown_run_is_named_and_tagged_in_place()
    {
        Runs.Records.Add(new RunRecord(
            new RunSummary("r1", "test-mle", RunStatus.Completed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new Dictionary<string, double>(), [], null)
            {
                Label = new RunLabel("first try", "", ["exam"]),
            },
            new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(), [], null));
        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, RunIn(RunEventKinds.Started)));
        Assert.Equal("first try", controls.Find("[data-testid=run-label-name]").TextContent.Trim());

        controls.Find("[data-testid=run-label-edit]").Click();
        controls.Find("#run-name-r1").Change("second try");
        controls.Find("#run-tags-r1").Change("exam, adam");
        controls.Find("[data-testid=run-label-save]").Click();

        controls.WaitForAssertion(() => Assert.Equal("second try", controls.Find("[data-testid=run-label-name]").TextContent.Trim()));
        Assert.Equal(["exam", "adam"], controls.FindAll("[data-testid=run-tag]").Select(t => t.TextContent.Trim()));
        Assert.Equal(["exam", "adam"], Runs.Summary("r1")!.Label.Tags);
    }

    [Fact]
    public void The_worker_chip_follows_a_waiting_run_handed_to_another_worker_once_it_starts()
    {
        Services.AddSingleton(Options.Create(new LabClusterOptions { Mode = ClusterMode.Orleans }));
        Runs.Records.Add(Record(RunStatus.Queued, "w1"));
        var run = RunIn(RunEventKinds.Queued);
        var controls = Render<RunControls>(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, run));
        Assert.Equal("w1", controls.Find("[data-testid=run-worker]").TextContent.Trim());

        Runs.Records[0] = Record(RunStatus.Running, "w3");
        run.Apply(Event(2, RunEventKinds.Started));
        controls.Render(p => p.Add(c => c.Problem, TestProblems.Mle).Add(c => c.Run, run));

        Assert.Equal("w3", controls.Find("[data-testid=run-worker]").TextContent.Trim());
    }

    private static RunRecord Record(RunStatus status, string worker) => new(
        new RunSummary("r1", "test-mle", status, DateTimeOffset.UtcNow, null, new Dictionary<string, double>(), [], null) { Worker = worker },
        new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(), [], null, worker);

    private static RunView RunIn(params string[] kinds)
    {
        var run = new RunView("r1", "test-mle");
        for (var i = 0; i < kinds.Length; i++) run.Apply(Event(i + 1, kinds[i]));
        return run;
    }

    private static RunEvent Event(long seq, string kind) => new() { Seq = seq, Kind = kind, RunId = "r1", ProblemId = "test-mle" };
}
