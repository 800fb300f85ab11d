using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceListTests
{
    [Fact]
    public async Task Pages_of_a_list_cover_every_run_once_newest_first_live_and_stored_alike()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var finished = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var runId = fixture.Start("gated", """{"steps": 1}""");
            problem.Release(1);
            await fixture.WatchToEnd(runId);
            finished.Add(runId);
        }
        var live = fixture.Start("gated", """{"steps": 1}""");
        var everyRun = fixture.Service.List().Select(s => s.RunId).ToList();

        var paged = new List<string>();
        RunCursor? cursor = null;
        for (var page = 0; page < 4; page++)
        {
            var runs = fixture.Service.List(new RunQuery(Limit: 2, Before: cursor));
            Assert.True(runs.Count <= 2);
            paged.AddRange(runs.Select(r => r.RunId));
            if (runs.Count < 2) break;
            cursor = RunCursor.After(runs[^1]);
        }

        Assert.Equal(6, everyRun.Count);
        Assert.Equal(everyRun, paged);
        Assert.Equal(live, paged[0]);
        Assert.Equal(Enumerable.Reverse(finished), paged.Skip(1));
        problem.Release(1);
        await fixture.WatchToEnd(live);
    }

    [Theory]
    [InlineData("1700000000000-abc123", true)]
    [InlineData("1700000000000-", false)]
    [InlineData("-abc", false)]
    [InlineData("abc-def", false)]
    [InlineData("1700000000000-a/b", false)]
    public void Cursors_read_back_only_in_the_form_they_are_written(string text, bool valid)
    {
        var cursor = RunCursor.Parse(text);

        Assert.Equal(valid, cursor is not null);
        if (cursor is not null) Assert.Equal(text, cursor.ToString());
    }
}
