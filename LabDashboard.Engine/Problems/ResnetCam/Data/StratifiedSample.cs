namespace LabDashboard.Engine.Problems.ResnetCam.Data;

/// <summary>Seeded, label-stratified selection (System.Random with a seed: no libtorch RNG involved).</summary>
internal static class StratifiedSample
{
    /// <summary>About <paramref name="count"/> images with the labels' proportions kept, in a stable order.</summary>
    public static IReadOnlyList<PetImage> Take(IReadOnlyList<PetImage> images, int count, int seed)
    {
        if (count >= images.Count) return images;
        var picked = new List<PetImage>();
        foreach (var group in images.GroupBy(i => i.Label).OrderBy(g => g.Key))
        {
            var share = (int)Math.Round(count * (double)group.Count() / images.Count);
            picked.AddRange(Shuffled(group, seed).Take(share));
        }
        return [.. picked.OrderBy(i => i.Path, StringComparer.Ordinal)];
    }

    /// <summary>Splits each label's images into (train, test) with <paramref name="testFraction"/> held out.</summary>
    public static (IReadOnlyList<PetImage> Train, IReadOnlyList<PetImage> Test) Split(IReadOnlyList<PetImage> images, double testFraction, int seed) =>
        Split(images, testFraction, seed, i => i.Label.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Splits each group's images (e.g. each breed's) into (train, test) with <paramref name="testFraction"/> held out.</summary>
    public static (IReadOnlyList<PetImage> Train, IReadOnlyList<PetImage> Test) Split(IReadOnlyList<PetImage> images, double testFraction, int seed,
        Func<PetImage, string> group)
    {
        var train = new List<PetImage>();
        var test = new List<PetImage>();
        foreach (var members in images.GroupBy(group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shuffled = Shuffled(members, seed);
            var testCount = (int)Math.Round(shuffled.Count * testFraction);
            test.AddRange(shuffled.Take(testCount));
            train.AddRange(shuffled.Skip(testCount));
        }
        return ([.. train.OrderBy(i => i.Path, StringComparer.Ordinal)], [.. test.OrderBy(i => i.Path, StringComparer.Ordinal)]);
    }

    private static List<PetImage> Shuffled(IEnumerable<PetImage> images, int seed)
    {
        var list = images.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
