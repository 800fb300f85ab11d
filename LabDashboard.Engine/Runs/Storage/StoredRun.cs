namespace LabDashboard.Engine.Runs.Storage;

/// <summary>A run's row as first written (settings and versions as JSON).</summary>
internal sealed record NewRunRow(string Id, string ProblemId, string Owner, string SettingsJson, string Device, string VersionsJson, DateTimeOffset CreatedAt);

/// <summary>A run's row as read back.</summary>
internal sealed record StoredRun(
    string Id,
    string ProblemId,
    RunStatus Status,
    string SettingsJson,
    string Device,
    string VersionsJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? ResultsJson,
    string? ChecksJson,
    string? Error,
    string Owner,
    RunLabel Label,
    string? Worker = null);
