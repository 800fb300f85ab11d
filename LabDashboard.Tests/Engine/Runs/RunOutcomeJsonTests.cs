using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;
using LabDashboard.Web;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>The outcome is an enum in code and the same lower-case strings as before in the database, the hub and REST.</summary>
public class RunOutcomeJsonTests
{
    public static TheoryData<RunOutcome, string> Outcomes => new()
    {
        { RunOutcome.Completed, "completed" },
        { RunOutcome.Cancelled, "cancelled" },
        { RunOutcome.Failed, "failed" },
        { RunOutcome.Interrupted, "interrupted" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Outcomes_are_written_and_read_as_their_lower_case_names_by_the_store_and_the_web(RunOutcome outcome, string name)
    {
        var finished = new RunEvent { Seq = 7, Kind = RunEventKinds.Finished, RunId = "r1", ProblemId = "p", Outcome = outcome };
        var stored = $$"""{"seq":7,"kind":"finished","runId":"r1","problemId":"p","elapsedMs":0,"outcome":"{{name}}"}""";

        Assert.Contains($"\"outcome\":\"{name}\"", RunEventJson.Write(finished));
        Assert.Contains($"\"outcome\":\"{name}\"", JsonSerializer.Serialize(finished, LabJson.Options));
        Assert.Equal(outcome, RunEventJson.Read<RunEvent>(stored).Outcome);
        Assert.Equal(outcome, JsonSerializer.Deserialize<RunEvent>(stored, LabJson.Options)!.Outcome);
        Assert.Equal(name, outcome.Name());
        Assert.Equal(outcome.Status(), RunStates.After(finished));
    }

    [Fact]
    public void Status_changes_come_from_their_event_kinds_only()
    {
        RunStatus? After(string kind) => RunStates.After(new RunEvent { Kind = kind, RunId = "r", ProblemId = "p" });

        Assert.Equal(RunStatus.Queued, After(RunEventKinds.Queued));
        Assert.Equal(RunStatus.Running, After(RunEventKinds.Started));
        Assert.Equal(RunStatus.Paused, After(RunEventKinds.Paused));
        Assert.Equal(RunStatus.Running, After(RunEventKinds.Resumed));
        Assert.Equal(RunStatus.Failed, After(RunEventKinds.Finished));
        Assert.All([RunEventKinds.Epoch, RunEventKinds.Batch, RunEventKinds.Progress, RunEventKinds.Log, RunEventKinds.Data, RunEventKinds.Image],
            kind => Assert.Null(After(kind)));
        Assert.Equal(RunStates.StatusKinds.Order(), new[] { "finished", "paused", "queued", "resumed", "started" });
    }
}
