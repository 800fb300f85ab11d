using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems;

/// <summary>One exam problem: what it is, its settings, and how it runs.</summary>
public interface IProblem
{
    /// <summary>Id, title, settings schema, metric names and checks.</summary>
    ProblemDescriptor Descriptor { get; }

    /// <summary>
    /// Runs the problem synchronously on the run's own thread, reporting through <paramref name="context"/>.
    /// Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    void Run(RunContext context);
}
