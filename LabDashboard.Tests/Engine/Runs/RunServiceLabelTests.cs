using LabDashboard.Engine.Runs;
using Microsoft.Data.Sqlite;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>A run's name, notes and tags: stored with the run, live or finished, and kept across restarts and schema upgrades.</summary>
public class RunServiceLabelTests
{
    [Fact]
    public async Task A_finished_runs_label_is_listed_and_survives_a_restart()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = await fixture.StartAsync("gated", """{"steps": 2}""");
        await fixture.WatchToEnd(runId);

        var relabelled = await fixture.Service.RelabelAsync(runId, RunLabel.Create("baseline", "lr as in the exam\nsecond line", ["exam", "cpu"]));
        var service = fixture.Restart();

        Assert.Equal("baseline", relabelled!.Label.Name);
        var listed = Assert.Single(service.List());
        Assert.Equal(("baseline", "lr as in the exam\nsecond line"), (listed.Label.Name, listed.Label.Notes));
        Assert.Equal(["exam", "cpu"], listed.Label.Tags);
        Assert.Equal(2, listed.Settings["steps"]);
        Assert.Equal("baseline", service.Get(runId)!.Summary.Label.Name);
        Assert.Equal("baseline", service.Summary(runId)!.Label.Name);
    }

    [Fact]
    public async Task A_live_run_keeps_the_label_it_was_given_after_it_finishes()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 1}""");

        Assert.Equal("while training", (await fixture.Service.RelabelAsync(runId, RunLabel.Create("while training", null, ["live"])))!.Label.Name);
        Assert.Equal("while training", fixture.Service.List()[0].Label.Name);
        problem.Release(1);
        await fixture.WatchToEnd(runId);
        fixture.Service.Flush();

        Assert.Equal(["live"], fixture.Restart().Summary(runId)!.Label.Tags);
    }

    [Fact]
    public async Task An_unknown_run_cannot_be_labelled()
    {
        using var fixture = new RunServiceFixture(new GatedProblem());

        Assert.Null(await fixture.Service.RelabelAsync("000000000000", RunLabel.Create("x", null, null)));
        Assert.Null(fixture.Service.Summary("000000000000"));
    }

    [Fact]
    public async Task A_database_written_before_labels_existed_is_upgraded_and_its_runs_read_unlabelled()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = await fixture.StartAsync("gated", """{"steps": 1}""");
        await fixture.WatchToEnd(runId);
        fixture.Service.Dispose();
        DropLabelColumns(Path.Combine(fixture.StateRoot, "labdashboard.db"));

        var service = fixture.Restart();

        var old = Assert.Single(service.List());
        Assert.Equal((runId, "", "", 0), (old.RunId, old.Label.Name, old.Label.Notes, old.Label.Tags.Count));
        Assert.Equal("after upgrade", (await service.RelabelAsync(runId, RunLabel.Create("after upgrade", null, null)))!.Label.Name);
    }

    [Fact]
    public void Labels_are_trimmed_and_tags_kept_once_ignoring_case()
    {
        var label = RunLabel.Create("  name  ", " notes ", [" a ", "A", "", null, "b"]);

        Assert.Equal(("name", " notes "), (label.Name, label.Notes));
        Assert.Equal(["a", "b"], label.Tags);
    }

    [Theory]
    [InlineData("name", 101, 0, 0)]
    [InlineData("notes", 0, 4001, 0)]
    [InlineData("tags", 0, 0, 21)]
    public void Labels_over_their_limits_are_refused_naming_the_field(string field, int nameLength, int notesLength, int tagCount)
    {
        var e = Assert.Throws<RunLabelValidationException>(() => RunLabel.Create(
            new string('n', nameLength), new string('x', notesLength), Enumerable.Range(0, tagCount).Select(i => $"t{i}")));

        Assert.Equal([field], e.Errors.Keys);
    }

    [Theory]
    [InlineData("two\nlines", null, null, "name")]
    [InlineData(null, "bell\a", null, "notes")]
    [InlineData(null, null, "a,b", "tags")]
    [InlineData(null, null, "a tag far longer than forty characters in all", "tags")]
    public void Control_characters_commas_in_tags_and_long_tags_are_refused(string? name, string? notes, string? tag, string field)
    {
        var e = Assert.Throws<RunLabelValidationException>(() => RunLabel.Create(name, notes, tag is null ? null : [tag]));

        Assert.Equal([field], e.Errors.Keys);
    }

    /// <summary>Rebuilds the runs table without the label columns, as versions before them wrote it.</summary>
    private static void DropLabelColumns(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE runs DROP COLUMN name; ALTER TABLE runs DROP COLUMN notes; ALTER TABLE runs DROP COLUMN tags;";
        command.ExecuteNonQuery();
    }
}
