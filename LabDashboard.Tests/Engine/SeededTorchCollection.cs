namespace LabDashboard.Tests.Engine;

/// <summary>
/// Tests that seed libtorch's global generator and compare numbers run alone: in parallel, another
/// test's draws would interleave with theirs. Put such a test class in <c>[Collection(SeededTorchCollection.Name)]</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorchCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Seeded torch RNG";
}
