namespace LabDashboard.Tests.Engine.Problems;

/// <summary>Tests that watch libtorch's global RNG run alone: any parallel test building a module would draw from it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRngCollection
{
    public const string Name = "Global RNG";
}
