using Microsoft.Extensions.Hosting;

namespace LabDashboard.Engine.Runs;

/// <summary>Creates the run service when the host starts (recovering state) and stops it when the host stops.</summary>
internal sealed class RunServiceLifetime(RunService runs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        runs.Dispose();
        return Task.CompletedTask;
    }
}
