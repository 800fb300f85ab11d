using System.Globalization;
using LabDashboard.Engine.Devices;
using TorchSharp;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// What a worker silo advertises in its Orleans silo metadata: the kind of its devices, how many it
/// has, and how many runs it trains at once (its slots). A silo without them (a web front) runs nothing.
/// </summary>
/// <param name="Kind">"cuda" or "cpu" (<see cref="DeviceInfo.Kind"/>).</param>
/// <param name="Count">Devices of that kind on the worker.</param>
/// <param name="Slots">Training runs the worker runs at once.</param>
internal sealed record WorkerDevices(string Kind, int Count, int Slots)
{
    private const string KindKey = "lab.device.kind";
    private const string CountKey = "lab.device.count";
    private const string SlotsKey = "lab.device.slots";

    /// <summary>
    /// The devices of this machine's engine. One slot whatever the count: the engine
    /// (<see cref="Runs.RunService"/>) trains on one device, one run at a time.
    /// </summary>
    public static WorkerDevices Of(DeviceInfo device) =>
        new(device.Kind, device.Kind == "cuda" ? Math.Max(1, torch.cuda.device_count()) : 1, Slots: 1);

    /// <summary>The silo metadata that advertises these devices.</summary>
    public Dictionary<string, string> Metadata() => new(StringComparer.Ordinal)
    {
        [KindKey] = Kind,
        [CountKey] = Count.ToString(CultureInfo.InvariantCulture),
        [SlotsKey] = Slots.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The devices a silo advertises; null for a silo that runs nothing.</summary>
    public static WorkerDevices? Read(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(KindKey, out var kind)
        && metadata.TryGetValue(CountKey, out var count) && int.TryParse(count, CultureInfo.InvariantCulture, out var devices)
        && metadata.TryGetValue(SlotsKey, out var slots) && int.TryParse(slots, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? new WorkerDevices(kind, devices, runs)
            : null;
}
