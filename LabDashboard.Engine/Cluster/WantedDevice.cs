using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using Orleans.Runtime.Placement;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// The device kind a run prefers (<see cref="ProblemDescriptor.PreferredDevice"/>), carried from the web front
/// that starts it to the placement director in the Orleans request context of the call that activates the
/// run's grain: the director sees the grain's key and that call's request context, nothing of the run.
/// </summary>
internal static class WantedDevice
{
    private const string Key = "lab.device.wanted";

    /// <summary>Makes <paramref name="call"/> with <paramref name="kind"/> in its request context.</summary>
    public static async Task With(DeviceKind kind, Func<Task> call)
    {
        RequestContext.Set(Key, kind.Name());
        try
        {
            await call().ConfigureAwait(false);
        }
        finally
        {
            RequestContext.Remove(Key);
        }
    }

    /// <summary>The kind the call that places <paramref name="target"/> wants; null when it names none.</summary>
    public static DeviceKind? Of(PlacementTarget target) =>
        target.RequestContextData is { } data && data.TryGetValue(Key, out var kind) ? DeviceKinds.FromName(kind as string) : null;
}
