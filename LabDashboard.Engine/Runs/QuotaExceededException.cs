namespace LabDashboard.Engine.Runs;

/// <summary>A run was refused because its owner is at one of the <see cref="QuotaOptions"/> limits.</summary>
public sealed class QuotaExceededException(string limit, string message) : Exception(message)
{
    /// <summary>The configuration key of the limit, e.g. <c>Quotas:MaxQueuedRunsPerUser</c>.</summary>
    public string Limit { get; } = limit;
}
