using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>
/// A problem whose steps the test hands out one at a time: each step waits for <see cref="Release"/>
/// (unless <see cref="Free"/>), signals <see cref="ReachedCheckpoint"/>, passes the checkpoint,
/// then reports an epoch.
/// </summary>
internal sealed class GatedProblem(string id = "gated", bool trains = true, DeviceKind prefers = DeviceKind.Cpu) : IProblem
{
    private readonly SemaphoreSlim _steps = new(0);

    public ProblemDescriptor Descriptor { get; } = new(id, 90, "Gated", "Test problem.",
        [SettingSpec.Int("steps", "Steps", 5, 1, 1000), SettingSpec.Bool("fail", "Fail at the end", false)],
        [new MetricSpec("loss", "Loss")], [new MetricSpec("steps", "Steps")], trains) { ProgressSetting = "steps", PreferredDevice = prefers };

    /// <summary>When true, steps run without waiting for <see cref="Release"/>.</summary>
    public bool Free { get; init; }

    /// <summary>Released once each time a step reaches its checkpoint.</summary>
    public SemaphoreSlim ReachedCheckpoint { get; } = new(0);

    /// <summary>Lets <paramref name="steps"/> more steps run.</summary>
    public void Release(int steps) => _steps.Release(steps);

    public void Run(RunContext context)
    {
        var steps = context.Settings.Int("steps");
        for (var step = 1; step <= steps; step++)
        {
            if (!Free) _steps.Wait(context.Cancellation);
            ReachedCheckpoint.Release();
            context.Checkpoint();
            context.Epoch(step, step, new Dictionary<string, double> { ["loss"] = 1.0 / step });
        }
        if (context.Settings.Bool("fail")) throw new InvalidOperationException("The gated problem was told to fail.");
        context.Result("steps", steps);
        context.Check("ran every step", true, $"{steps} steps");
    }
}
