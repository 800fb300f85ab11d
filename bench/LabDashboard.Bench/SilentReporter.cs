using LabDashboard.Engine.Runs;

namespace LabDashboard.Bench;

/// <summary>A reporter that drops every event: the benchmark times the engine alone.</summary>
internal sealed class SilentReporter : IRunReporter
{
    public CancellationToken Cancellation => CancellationToken.None;
    public void Publish(RunEvent partial) { }
    public void StoreImage(string name, int epoch, string mime, byte[] bytes) { }
    public void Checkpoint() { }
}
