namespace LabDashboard.Engine.Problems.ResnetCam.Data;

/// <summary>A folder per class (<c>cat/</c>, <c>dog/</c>) split by a seeded, stratified draw.</summary>
internal static class FolderPerClassLayout
{
    public const string Name = "folder-per-class";

    public static bool IsPresent(string root) =>
        Directory.Exists(Path.Combine(root, "cat")) && Directory.Exists(Path.Combine(root, "dog"));

    public static PetSplit Load(string root, int seed, double testFraction, int maxImages)
    {
        IReadOnlyList<PetImage> images = [.. Files(root, "cat", 0), .. Files(root, "dog", 1)];
        if (maxImages > 0) images = StratifiedSample.Take(images, maxImages, seed);
        var (train, test) = StratifiedSample.Split(images, testFraction, seed);
        return new PetSplit(Name, root, train, test);
    }

    private static IEnumerable<PetImage> Files(string root, string label, int value) =>
        Directory.EnumerateFiles(Path.Combine(root, label))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f => new PetImage(f, value));
}
