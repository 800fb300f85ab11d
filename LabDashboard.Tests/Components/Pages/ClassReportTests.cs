using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Pages.Class;

namespace LabDashboard.Tests.Components.Pages;

public class ClassReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_students_best_run_of_a_problem_is_completed_first_then_has_the_most_checks_passed_then_is_the_newest()
    {
        // Newest first, as IRunService.List gives them.
        RunSummary[] runs =
        [
            Run("r5", "ann", "exp-mle", RunStatus.Failed, minutes: 5, passed: 0, checks: 0),
            Run("r4", "ann", "exp-mle", RunStatus.Completed, minutes: 4, passed: 0, checks: 1),
            Run("r3", "bob", "iris", RunStatus.Completed, minutes: 3, passed: 1, checks: 1),
            Run("r2", "ann", "exp-mle", RunStatus.Completed, minutes: 2, passed: 1, checks: 1),
            Run("r1", "ann", "exp-mle", RunStatus.Completed, minutes: 1, passed: 1, checks: 1),
        ];

        var report = ClassReport.From(runs);

        Assert.Equal(["ann", "bob"], report.Students.Select(s => s.Owner));
        var ann = report.Students[0];
        Assert.Equal(4, ann.Runs);
        Assert.Equal(T0.AddMinutes(5), ann.LastStarted);
        Assert.Equal(4, ann.Problems["exp-mle"].Runs);
        Assert.Equal("r2", ann.Problems["exp-mle"].Best.RunId);
        Assert.False(ann.Problems.ContainsKey("iris"));
        Assert.Equal("r3", report.Students[1].Problems["iris"].Best.RunId);
        Assert.Equal(["r5", "r4", "r3", "r2", "r1"], report.Latest.Select(r => r.RunId));
    }

    private static RunSummary Run(string id, string owner, string problem, RunStatus status, int minutes, int passed, int checks) =>
        new(id, problem, status, T0.AddMinutes(minutes), T0.AddMinutes(minutes + 1), new Dictionary<string, double>(),
            [.. Enumerable.Range(0, checks).Select(i => new CheckResult($"c{i}", i < passed, ""))], null, owner);
}
