namespace LabDashboard.Tests.Engine;

/// <summary>
/// Tests that seed libtorch's global generator and compare numbers, or that read the thread count
/// libtorch gives new threads, run alone: in parallel, another test's draws would interleave with
/// theirs, and another run's thread scope would move that count. Put such a test class in
/// <c>[Collection(SeededTorchCollection.Name)]</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorchCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Seeded torch RNG";
}
