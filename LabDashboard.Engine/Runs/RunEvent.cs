using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// One event of a run: the contract every client relies on (serialised camelCase).
/// <see cref="Seq"/> counts 1, 2, … per run; clients ignore kinds they do not know.
/// </summary>
public sealed record RunEvent
{
    /// <summary>1, 2, … within the run.</summary>
    public long Seq { get; init; }
    /// <summary>One of <see cref="RunEventKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }
    /// <summary>The problem's id.</summary>
    public required string ProblemId { get; init; }
    /// <summary>The reported point's index (epoch events), or the epoch a batch/image belongs to.</summary>
    public int? Epoch { get; init; }
    /// <summary>Optimiser steps done so far.</summary>
    public long? Step { get; init; }
    /// <summary>Milliseconds since the run started (0 before).</summary>
    public long ElapsedMs { get; init; }
    /// <summary>Flat metric name → value.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
    /// <summary>Flat result name → value, on <c>finished</c>.</summary>
    public IReadOnlyDictionary<string, double>? Results { get; init; }
    /// <summary>Answer checks, on <c>finished</c>.</summary>
    public IReadOnlyList<CheckResult>? Checks { get; init; }
    /// <summary>How the run ended, on <c>finished</c> (serialised <c>completed</c>, <c>cancelled</c>, <c>failed</c> or <c>interrupted</c>).</summary>
    public RunOutcome? Outcome { get; init; }
    /// <summary>Human-readable text (progress, log, queue position), in English.</summary>
    public string? Message { get; init; }
    /// <summary><see cref="Message"/> as a key and arguments, for pages in another language; null on older runs.</summary>
    public LocalizableText? MessageText { get; init; }
    /// <summary>Error text when the run failed, in English.</summary>
    public string? Error { get; init; }
    /// <summary><see cref="Error"/> as a key and arguments; null on older runs.</summary>
    public LocalizableText? ErrorText { get; init; }
    /// <summary>An image produced by the run; bytes served over HTTP at <see cref="ImageRef.Url"/>.</summary>
    public ImageRef? Image { get; init; }
    /// <summary>Name of a <c>data</c> payload (e.g. <c>histogram</c>, <c>fit</c>, <c>confusion</c>).</summary>
    public string? Name { get; init; }
    /// <summary>A problem-specific payload for pages (kind <c>data</c>), JSON-serialisable (camelCase).</summary>
    public object? Data { get; init; }
    /// <summary>Place in the device queue on <c>queued</c>: 0 = starting now, 1 = next, …; re-announced whenever the line moves.</summary>
    public int? QueuePosition { get; init; }
}

/// <summary>An image a run produced.</summary>
public sealed record ImageRef(string Name, int Epoch, string Mime, string Url)
{
    /// <summary>The URL convention the web app serves image bytes under.</summary>
    public static string UrlFor(string runId, string name, int epoch) => $"/api/runs/{runId}/images/{name}/{epoch}";

    /// <summary>The run, image name and epoch of a URL made by <see cref="UrlFor"/>; null for any other URL.</summary>
    public static (string RunId, string Name, int Epoch)? ParseUrl(string url)
    {
        var parts = url.Split('/');
        return parts is ["", "api", "runs", var runId, "images", var name, var epoch]
            && int.TryParse(epoch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var e)
            ? (runId, name, e)
            : null;
    }
}

/// <summary>The result of one answer check (e.g. |λ − x̄| &lt; 1e-3).</summary>
public sealed record CheckResult(string Name, bool Passed, string Detail)
{
    /// <summary><see cref="Name"/> as a key and arguments, for pages in another language; null on older runs.</summary>
    public LocalizableText? NameText { get; init; }

    /// <summary><see cref="Detail"/> as a key and arguments; null on older runs.</summary>
    public LocalizableText? DetailText { get; init; }
}

/// <summary>The event kinds.</summary>
public static class RunEventKinds
{
    /// <summary>Accepted; waiting for the device.</summary>
    public const string Queued = "queued";
    /// <summary>Running.</summary>
    public const string Started = "started";
    /// <summary>Download or preprocessing progress (<c>metrics.fraction</c>).</summary>
    public const string Progress = "progress";
    /// <summary>Per-batch metrics (may be coalesced or dropped).</summary>
    public const string Batch = "batch";
    /// <summary>A reported point (never dropped).</summary>
    public const string Epoch = "epoch";
    /// <summary>An image.</summary>
    public const string Image = "image";
    /// <summary>Paused.</summary>
    public const string Paused = "paused";
    /// <summary>Resumed.</summary>
    public const string Resumed = "resumed";
    /// <summary>A log line.</summary>
    public const string Log = "log";
    /// <summary>A named problem-specific payload (histogram, fitted curve, confusion matrix…); the latest of each name wins.</summary>
    public const string Data = "data";
    /// <summary>The end (completed, cancelled, failed or interrupted).</summary>
    public const string Finished = "finished";
}
