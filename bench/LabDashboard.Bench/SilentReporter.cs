using LabDashboard.Engine.Runs;

namespace LabDashboard.Bench;

/// <summary>A reporter that drops every event (counting them): the benchmark times the engine alone.</summary>
internal sealed class SilentReporter : IRunReporter
{
    /// <summary>Events published so far.</summary>
    public int Published { get; private set; }

    public CancellationToken Cancellation => CancellationToken.None;
    public void Publish(RunEvent partial) => Published++;
    public void StoreImage(string name, int epoch, string mime, byte[] bytes) { }
    public void Checkpoint() { }
}
