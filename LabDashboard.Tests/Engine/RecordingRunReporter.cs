using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using System.Text.Json;

namespace LabDashboard.Tests.Engine;

/// <summary>A run reporter for engine tests: collects events and images; Checkpoint() does nothing.</summary>
public sealed class RecordingRunReporter : IRunReporter
{
    private readonly List<RunEvent> _events = [];

    /// <summary>Everything published, in order.</summary>
    public IReadOnlyList<RunEvent> Events { get { lock (_events) return [.. _events]; } }

    /// <summary>Stored images by (name, epoch).</summary>
    public Dictionary<(string Name, int Epoch), byte[]> Images { get; } = [];

    public CancellationToken Cancellation => CancellationToken.None;

    public void Publish(RunEvent partial) { lock (_events) _events.Add(partial with { Seq = _events.Count + 1 }); }

    public void StoreImage(string name, int epoch, string mime, byte[] bytes) => Images[(name, epoch)] = bytes;

    public void Checkpoint() { }

    /// <summary>Runs <paramref name="problem"/> with settings given as JSON (defaults for the rest) on the detected device.</summary>
    public static (RunContext Context, RecordingRunReporter Reporter) Run(IProblem problem, string settingsJson, LabPaths paths, string runId = "test-run")
    {
        var reporter = new RecordingRunReporter();
        using var document = JsonDocument.Parse(settingsJson);
        var settings = SettingsBinder.Bind(problem.Descriptor.Settings, document.RootElement.Clone());
        var context = new RunContext(runId, settings, DeviceInfo.Detect(), paths, reporter);
        problem.Run(context);
        return (context, reporter);
    }
}
