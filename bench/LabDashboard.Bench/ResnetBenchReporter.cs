using LabDashboard.Engine.Runs;

namespace LabDashboard.Bench;

/// <summary>Prints the resnet-cam run's log lines and epoch metrics.</summary>
internal sealed class ResnetBenchReporter : IRunReporter
{
    public CancellationToken Cancellation => CancellationToken.None;

    public void Publish(RunEvent partial)
    {
        if (partial.Kind is RunEventKinds.Log or RunEventKinds.Epoch)
            Console.WriteLine($"  [{partial.Kind}] {partial.Message} {string.Join(", ", partial.Metrics?.Select(m => $"{m.Key}={m.Value:F4}") ?? [])}");
    }

    public void StoreImage(string name, int epoch, string mime, byte[] bytes) { }
    public void Checkpoint() { }
}
