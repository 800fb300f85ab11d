using System.Collections.Concurrent;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine;

/// <summary>A run reporter for engine tests: collects events and images; checkpoints do nothing.</summary>
public sealed class CollectingReporter : IRunReporter
{
    public ConcurrentQueue<RunEvent> Events { get; } = new();
    public ConcurrentDictionary<(string Name, int Epoch), (string Mime, byte[] Bytes)> Images { get; } = new();
    public CancellationTokenSource CancellationSource { get; } = new();
    public CancellationToken Cancellation => CancellationSource.Token;

    public void Publish(RunEvent partial) => Events.Enqueue(partial);
    public void StoreImage(string name, int epoch, string mime, byte[] bytes) => Images[(name, epoch)] = (mime, bytes);
    public void Checkpoint() => Cancellation.ThrowIfCancellationRequested();

    public IEnumerable<RunEvent> OfKind(string kind) => Events.Where(e => e.Kind == kind);
    public object DataNamed(string name) => OfKind(RunEventKinds.Data).Last(e => e.Name == name).Data!;

    /// <summary>A context for <paramref name="problem"/> with these settings (JSON object text or null for defaults) on the CPU.</summary>
    public RunContext Context(IProblem problem, string? settingsJson, LabPaths paths)
    {
        using var json = settingsJson is null ? null : System.Text.Json.JsonDocument.Parse(settingsJson);
        var settings = SettingsBinder.Bind(problem.Descriptor.Settings, json?.RootElement.Clone());
        return new RunContext("test-run", settings, DeviceInfo.Detect() with { Kind = "cpu" }, paths, this);
    }
}
