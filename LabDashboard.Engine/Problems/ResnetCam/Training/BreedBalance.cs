using LabDashboard.Engine.Problems.ResnetCam.Data;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>
/// Sampling weights that undo a skewed set (catsdogs: 200 photos of each of three breeds, 10 of each other):
/// every breed weighs the same within its class, and both classes weigh the same, so a head learns cats vs
/// dogs rather than Abyssinian, Bengal and american_bulldog.
/// </summary>
internal static class BreedBalance
{
    /// <summary>One weight per row (rows of the same breed share it); they sum to 1.</summary>
    public static float[] Weights(IReadOnlyList<PetImage> rows)
    {
        var rowsPerBreed = rows.GroupBy(r => r.Breed).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var breedsPerLabel = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Select(r => r.Breed).Distinct().Count());
        var labels = breedsPerLabel.Count;
        return [.. rows.Select(r => (float)(1.0 / labels / breedsPerLabel[r.Label] / rowsPerBreed[r.Breed]))];
    }
}
