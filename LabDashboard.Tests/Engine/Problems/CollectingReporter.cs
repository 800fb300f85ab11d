using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Problems;

/// <summary>An <see cref="IRunReporter"/> that keeps every event and image; checkpoints do nothing.</summary>
public sealed class CollectingReporter : IRunReporter
{
    public List<RunEvent> Events { get; } = [];
    public List<(string Name, int Epoch, string Mime, byte[] Bytes)> Images { get; } = [];
    public CancellationToken Cancellation => CancellationToken.None;

    public void Publish(RunEvent partial) => Events.Add(partial);
    public void StoreImage(string name, int epoch, string mime, byte[] bytes) => Images.Add((name, epoch, mime, bytes));
    public void Checkpoint() { }

    /// <summary>Runs <paramref name="problem"/> with its default settings on the CPU and returns the context.</summary>
    public static (RunContext Context, CollectingReporter Reporter) RunWithDefaults(IProblem problem)
    {
        var reporter = new CollectingReporter();
        var paths = new LabPaths([TestData.Root], Path.Combine(Path.GetTempPath(), "labdashboard-tests-" + Guid.NewGuid().ToString("N")));
        var context = new RunContext("test-run", SettingsBinder.Defaults(problem.Descriptor.Settings), new DeviceInfo("cpu", "tests", 1), paths, reporter);
        problem.Run(context);
        return (context, reporter);
    }
}
