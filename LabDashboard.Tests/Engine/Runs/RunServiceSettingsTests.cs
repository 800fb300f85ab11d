using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Runs;

[Collection(SeededTorchCollection.Name)]
public class RunServiceSettingsTests
{
    [Fact]
    public async Task Invalid_settings_are_refused_naming_each_bad_setting()
    {
        using var fixture = new RunServiceFixture(new ExpMleProblem());

        var refused = await Assert.ThrowsAsync<SettingsValidationException>(() =>
            fixture.StartAsync("exp-mle", """{"bogus": 1, "n": "many", "lr": 99, "steps": 2.5, "optimizer": "rmsprop"}"""));

        Assert.Equal(5, refused.Errors.Count);
        Assert.Contains(refused.Errors, e => e.Contains("'bogus'"));
        Assert.Contains(refused.Errors, e => e.Contains("'n'"));
        Assert.Contains(refused.Errors, e => e.Contains("'lr'") && e.Contains("maximum"));
        Assert.Contains(refused.Errors, e => e.Contains("'steps'"));
        Assert.Contains(refused.Errors, e => e.Contains("'optimizer'"));
        Assert.Empty(fixture.Service.List());
    }

    [Fact]
    public async Task An_unknown_problem_is_refused()
    {
        using var fixture = new RunServiceFixture(new ExpMleProblem());

        Assert.Equal("nope", (await Assert.ThrowsAsync<UnknownProblemException>(() => fixture.StartAsync("nope"))).ProblemId);
    }

    [Fact]
    public async Task Missing_settings_take_the_exam_defaults()
    {
        using var fixture = new RunServiceFixture(new ExpMleProblem());

        var runId = await fixture.StartAsync("exp-mle", """{"steps": 20}""");
        await fixture.WatchToEnd(runId);

        var settings = fixture.Service.Get(runId)!.Settings;
        Assert.Equal(20, settings["steps"]);
        Assert.Equal(43052, settings["seed"]);
        Assert.Equal(0.05, settings["lr"]);
        Assert.Equal("sgd", settings["optimizer"]);
    }
}
