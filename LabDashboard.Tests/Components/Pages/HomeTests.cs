using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Pages;

public class HomeTests : LabComponentTest
{
    private readonly FakeRunService _runs = new(TestProblems.Mle with { Id = "exp-mle" });

    public HomeTests() => Services.AddSingleton<IRunService>(_runs);

    [Fact]
    public void A_failed_run_does_not_replace_the_last_good_one_and_the_card_says_it_failed()
    {
        Recorded("failed-1", RunStatus.Failed);
        Recorded("good-1", RunStatus.Completed);

        var home = Render<Home>();

        var card = home.Find("[data-testid=problem-card][data-problem-id=exp-mle]");
        Assert.Equal("good-1", card.GetAttribute("data-run-id"));
        Assert.Contains("A later run failed.", card.QuerySelector("[data-testid=later-failure]")!.TextContent);
        Assert.Contains("run=failed-1", card.QuerySelector("[data-testid=later-failure] a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_failure_before_the_last_good_run_is_not_mentioned()
    {
        Recorded("good-2", RunStatus.Completed);
        Recorded("failed-1", RunStatus.Failed);

        var home = Render<Home>();

        var card = home.Find("[data-testid=problem-card][data-problem-id=exp-mle]");
        Assert.Equal("good-2", card.GetAttribute("data-run-id"));
        Assert.Null(card.QuerySelector("[data-testid=later-failure]"));
    }

    /// <summary>Adds a run below those already recorded: the newest is recorded first, as the service lists them.</summary>
    private void Recorded(string runId, RunStatus status) => _runs.Records.Add(new RunRecord(
        new RunSummary(runId, "exp-mle", status, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new Dictionary<string, double>(), [], null),
        new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(), [], null));
}
