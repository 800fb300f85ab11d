using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LabDashboard.Engine;

/// <summary>Applies <see cref="NativeHeap"/>'s tuning once when the host starts, unless configuration turns it off.</summary>
public sealed class NativeHeapStartup(IOptions<EngineEnvironmentOptions> options) : IHostedService
{
    /// <summary>True once started with the tuning in force.</summary>
    public bool Kept { get; private set; }

    /// <summary>Applies the tuning when <paramref name="options"/> ask for it; true when it is in force.</summary>
    public static bool Apply(EngineEnvironmentOptions options) => options.KeepNativeHeap && NativeHeap.KeepFreedMemory();

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Kept = Apply(options.Value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
