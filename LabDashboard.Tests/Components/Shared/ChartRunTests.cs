using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Shared;

namespace LabDashboard.Tests.Components.Shared;

public class ChartRunTests
{
    [Fact]
    public void Overlay_labels_name_the_problem_a_short_id_and_the_settings_that_differ()
    {
        var runs = new FakeRunService();
        runs.Records.Add(Record("3f9a2c0b11", new() { ["steps"] = 100, ["lr"] = 0.05, ["seed"] = 1 }));
        runs.Records.Add(Record("77aa01ffee", new() { ["steps"] = 7751, ["lr"] = 0.05, ["seed"] = 1 }));

        var overlay = ChartRun.Overlay(runs.AsLocalUser(), ["3f9a2c0b11", "77aa01ffee", "gone"]);

        Assert.Equal(["exp-mle · 3f9a2c · steps=100", "exp-mle · 77aa01 · steps=7751"], overlay.Select(r => r.Label));
        Assert.Equal(["3f9a2c0b11", "77aa01ffee"], overlay.Select(r => r.RunId));
    }

    private static RunRecord Record(string runId, Dictionary<string, object> settings) => new(
        new RunSummary(runId, "exp-mle", RunStatus.Completed, DateTimeOffset.UnixEpoch, null, new Dictionary<string, double>(), [], null),
        settings, "cpu", new Dictionary<string, string>(), [], null);
}
