using System.Text.Json;
using Bunit;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine;
using LabDashboard.Web;
using LabDashboard.Web.Components.Shared;
using LabDashboard.Web.Runs;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>A run's messages reach a Korean page by their key, through the JSON the hub and REST send, with the English beside it.</summary>
public class RunMessagesInKoreanTests : LabComponentTest
{
    [Fact]
    public void A_Korean_page_shows_a_runs_download_progress_in_Korean()
    {
        using var _ = UiCulture.Use("ko");
        var view = ViewOf(Progress());

        var caption = Render<RunProgress>(p => p.Add(r => r.Run, view)).Find("[data-testid=run-progress-caption]").TextContent;

        Assert.Contains("train-images-idx3-ubyte.gz 다운로드 중: 26.4 MB 중 3.1 MB, 1.20 MB/s, 약 20초 남음", caption);
    }

    [Fact]
    public void The_event_keeps_its_English_message_beside_the_key_and_arguments()
    {
        var json = JsonSerializer.SerializeToElement(Progress(), LabJson.Options);

        Assert.Equal("Downloading train-images-idx3-ubyte.gz: 3.1 of 26.4 MB at 1.20 MB/s, about 20 s left", json.GetProperty("message").GetString());
        Assert.Equal("data.progress.downloading", json.GetProperty("messageText").GetProperty("key").GetString());
        Assert.Equal("3.1", json.GetProperty("messageText").GetProperty("args")[1].GetString());
    }

    [Fact]
    public void A_failed_runs_error_and_end_message_are_shown_in_Korean()
    {
        using var _ = UiCulture.Use("ko");
        var run = new RunView("r1", "exp-mle");
        run.Apply(RoundTrip(new RunEvent
        {
            Seq = 1, Kind = RunEventKinds.Finished, RunId = "r1", ProblemId = "exp-mle", Outcome = RunOutcome.Interrupted,
            Error = "The service stopped while the run was live.", ErrorText = RunTexts.ServiceStopped.Format(),
            Message = "interrupted after 1.5 s", MessageText = RunTexts.Interrupted.Format("1.5"),
        }));

        var controls = Render<RunControls>(p => p.Add(c => c.Problem, new ExpMleProblem().Descriptor).Add(c => c.Run, run));

        Assert.Contains("실행 중에 서비스가 멈췄습니다.", controls.Markup);
        Assert.Contains("1.5초 후 중단됨", controls.Find("[data-testid=run-progress-caption]").TextContent);
    }

    /// <summary>The event a run reports while it downloads a data set file, as <see cref="RunContext.Progress"/> makes it.</summary>
    private static RunEvent Progress()
    {
        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(new ExpMleProblem());
        var download = new DownloadProgress("train-images-idx3-ubyte.gz", 3_100_000, 26_400_000, 1_200_000, 19.2);
        context.Progress(download.Fraction, download.Message, download.ToMetrics());
        return reporter.Events.Single() with { RunId = "r1", ProblemId = "exp-mle" };
    }

    private static RunView ViewOf(RunEvent e)
    {
        var view = new RunView(e.RunId, e.ProblemId);
        Assert.True(view.Apply(RoundTrip(e)));
        return view;
    }

    /// <summary>The event as a browser or a SignalR client gets it.</summary>
    private static RunEvent RoundTrip(RunEvent e) =>
        JsonSerializer.Deserialize<RunEvent>(JsonSerializer.Serialize(e, LabJson.Options), LabJson.Options)!;
}
