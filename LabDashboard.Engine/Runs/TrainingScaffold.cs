using TorchSharp;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// The one training-step wrapper every problem uses: checkpoint (pause/cancel), a dispose scope
/// around the step, and periodic memory care.
/// </summary>
public sealed class TrainingScaffold
{
    private readonly RunContext _context;
    private readonly int _collectEvery;
    private long _steps;

    /// <summary>A scaffold for one run; <paramref name="collectEvery"/> steps between native garbage collections.</summary>
    public TrainingScaffold(RunContext context, int collectEvery = 50)
    {
        _context = context;
        _collectEvery = collectEvery;
    }

    /// <summary>Optimiser steps run so far.</summary>
    public long Steps => _steps;

    /// <summary>
    /// Runs <paramref name="step"/> inside its own dispose scope; read scalars inside it
    /// (e.g. <c>loss.item&lt;float&gt;()</c>) and return them. Never await inside.
    /// </summary>
    public T Step<T>(Func<T> step)
    {
        _context.Checkpoint();
        T result;
        using (torch.NewDisposeScope())
        {
            result = step();
        }
        if (++_steps % _collectEvery == 0) CollectNativeGarbage();
        return result;
    }

    /// <summary>
    /// Tensors made by autograd are released by finalizers; without this a long loop grows by tens
    /// of MB per epoch even when every tensor it sees is disposed.
    /// </summary>
    public static void CollectNativeGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
