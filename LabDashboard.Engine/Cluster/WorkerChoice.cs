namespace LabDashboard.Engine.Cluster;

/// <summary>A worker that could take a run: its advertised devices, its live runs and when it last was given one.</summary>
/// <param name="Name">The worker's name (its silo's name, the <c>worker</c> of its runs).</param>
/// <param name="Devices">What it advertises.</param>
/// <param name="Load">Its runs queued, running or paused, plus runs placed on it that are not in the history yet.</param>
/// <param name="LastPlacedAtMs">When a run was last placed on it (unix ms); null = never.</param>
internal sealed record WorkerCandidate(string Name, WorkerDevices Devices, int Load, long? LastPlacedAtMs)
{
    /// <summary>Slots not taken (negative when runs wait in its queue).</summary>
    public int FreeSlots => Devices.Slots - Load;
}

/// <summary>Which worker takes the next run.</summary>
internal static class WorkerChoice
{
    /// <summary>
    /// The worker with the most free slots (the least loaded; when all are busy, the shortest queue
    /// per slot); ties go to the worker given a run least recently, so equal workers take turns.
    /// Null when there is none.
    /// </summary>
    public static WorkerCandidate? Pick(IEnumerable<WorkerCandidate> candidates) => candidates
        .OrderByDescending(c => c.FreeSlots)
        .ThenBy(c => (double)c.Load / c.Devices.Slots)
        .ThenBy(c => c.LastPlacedAtMs ?? long.MinValue)
        .ThenBy(c => c.Name, StringComparer.Ordinal)
        .FirstOrDefault();
}
