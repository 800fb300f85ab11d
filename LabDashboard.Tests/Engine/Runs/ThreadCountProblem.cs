using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>A problem that reports, as its result <c>threads</c>, the libtorch intra-op threads it ran with.</summary>
internal sealed class ThreadCountProblem(string id, bool smallTensors) : IProblem
{
    public ProblemDescriptor Descriptor { get; } = new(id, 91, "Thread count", "Test problem.",
        [], [], [new MetricSpec("threads", "Threads")], SmallTensors: smallTensors);

    public void Run(RunContext context)
    {
        using var scope = torch.NewDisposeScope();
        torch.ones(8).sum().item<float>();
        context.Result("threads", torch.get_num_threads());
    }
}
