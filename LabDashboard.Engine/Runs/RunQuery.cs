using System.Globalization;

namespace LabDashboard.Engine.Runs;

/// <summary>Which runs to list: newest first, optionally of one problem, at most <see cref="Limit"/>, older than <see cref="Before"/>.</summary>
/// <param name="ProblemId">Only this problem's runs; null for all.</param>
/// <param name="Limit">At most this many.</param>
/// <param name="Before">Only runs after this one in the order (the previous page's <see cref="RunCursor.After"/>).</param>
/// <param name="Owner">Only this owner's runs; null for everyone's.</param>
public sealed record RunQuery(string? ProblemId = null, int Limit = int.MaxValue, RunCursor? Before = null, string? Owner = null)
{
    /// <summary>True when <paramref name="run"/> is one this query asks for (its page limit aside).</summary>
    public bool Matches(RunSummary run) =>
        (ProblemId is null || run.ProblemId == ProblemId)
        && (Owner is null || run.Owner == Owner)
        && (Before is null || Before.Precedes(run));
}

/// <summary>A place in the newest-first order of runs: creation time, then id.</summary>
public sealed record RunCursor(DateTimeOffset CreatedAt, string RunId)
{
    /// <summary>The cursor just past <paramref name="run"/>, for the next page.</summary>
    public static RunCursor After(RunSummary run) => new(run.CreatedAt, run.RunId);

    /// <summary>True when <paramref name="run"/> comes after this cursor (is older, or as old with a smaller id).</summary>
    public bool Precedes(RunSummary run) =>
        run.CreatedAt.ToUnixTimeMilliseconds() < CreatedAt.ToUnixTimeMilliseconds()
        || (run.CreatedAt.ToUnixTimeMilliseconds() == CreatedAt.ToUnixTimeMilliseconds() && string.CompareOrdinal(run.RunId, RunId) < 0);

    /// <summary>The text form clients pass back: <c>&lt;unix ms&gt;-&lt;run id&gt;</c>.</summary>
    public override string ToString() => $"{CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{RunId}";

    /// <summary>Reads <see cref="ToString"/>'s form; null when <paramref name="text"/> is not one.</summary>
    public static RunCursor? Parse(string? text)
    {
        var dash = text?.IndexOf('-') ?? -1;
        if (dash <= 0 || dash == text!.Length - 1) return null;
        var id = text[(dash + 1)..];
        return long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && id.All(char.IsAsciiLetterOrDigit)
            ? new RunCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), id)
            : null;
    }
}
