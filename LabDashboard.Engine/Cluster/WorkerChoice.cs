using LabDashboard.Engine.Devices;

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
    /// Ranks the workers and returns the first, null when there is none:
    /// <list type="number">
    /// <item>a worker with a free slot whose devices are of the <paramref name="wanted"/> kind;</item>
    /// <item>then a worker with a free slot of another kind (so a preference never leaves a run waiting
    /// while a slot is free, and a class with only CPU workers runs everything);</item>
    /// <item>then, when no slot is free anywhere, the worker with the shortest queue per slot (load / slots).</item>
    /// </list>
    /// Within the first two, the most free slots first, then the lowest load per slot. Remaining ties go to a
    /// worker of the wanted kind, then to the worker given a run least recently (so equal workers take turns),
    /// then by name. <paramref name="wanted"/> null: no kind is preferred.
    /// </summary>
    public static WorkerCandidate? Pick(IEnumerable<WorkerCandidate> candidates, DeviceKind? wanted = null) => candidates
        .OrderBy(c => Rank(c, wanted))
        .ThenByDescending(c => Math.Max(c.FreeSlots, 0))
        .ThenBy(c => (double)c.Load / c.Devices.Slots)
        .ThenByDescending(c => IsOfKind(c, wanted))
        .ThenBy(c => c.LastPlacedAtMs ?? long.MinValue)
        .ThenBy(c => c.Name, StringComparer.Ordinal)
        .FirstOrDefault();

    private static int Rank(WorkerCandidate candidate, DeviceKind? wanted) => candidate.FreeSlots <= 0 ? 2 : IsOfKind(candidate, wanted) ? 0 : 1;

    private static bool IsOfKind(WorkerCandidate candidate, DeviceKind? wanted) =>
        wanted is { } kind && string.Equals(candidate.Devices.Kind, kind.Name(), StringComparison.Ordinal);
}
