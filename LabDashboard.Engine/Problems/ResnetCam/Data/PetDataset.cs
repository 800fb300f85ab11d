using LabDashboard.Engine.Problems.Texts;
namespace LabDashboard.Engine.Problems.ResnetCam.Data;

/// <summary>One labelled photo: dog = 1, cat = 0.</summary>
/// <param name="Path">Absolute file path.</param>
/// <param name="Label">1 for dog, 0 for cat.</param>
public sealed record PetImage(string Path, int Label)
{
    /// <summary>"dog" or "cat".</summary>
    public string LabelName => Label == 1 ? "dog" : "cat";

    /// <summary>
    /// The breed, from Oxford's file naming (<c>BREED_NUMBER.jpg</c>: "american_pit_bull_terrier_12.jpg" →
    /// "american_pit_bull_terrier"); the whole name without extension when it does not end in a number.
    /// </summary>
    public string Breed
    {
        get
        {
            var stem = System.IO.Path.GetFileNameWithoutExtension(Path);
            var underscore = stem.LastIndexOf('_');
            return underscore > 0 && stem[(underscore + 1)..] is { Length: > 0 } number && number.All(char.IsAsciiDigit) ? stem[..underscore] : stem;
        }
    }
}

/// <summary>A train/test split of a cats-vs-dogs data set and where it came from.</summary>
/// <param name="Layout"><c>oxford-iiit-pet</c> or <c>folder-per-class</c>.</param>
/// <param name="Root">The data set's folder.</param>
/// <param name="Train">Training images.</param>
/// <param name="Test">Held-out images.</param>
public sealed record PetSplit(string Layout, string Root, IReadOnlyList<PetImage> Train, IReadOnlyList<PetImage> Test)
{
    /// <summary>A line for the run log and the page: the data set's folder name and counts, never the server's path.</summary>
    public LocalizableText Describe() => ResnetCamTexts.Split.Format(Layout, System.IO.Path.GetFileName(Root.TrimEnd('/', '\\')),
        Train.Count, Train.Count(i => i.Label == 1), Test.Count, Test.Count(i => i.Label == 1));
}

/// <summary>Finds the data set: each Data:Root is searched for <c>oxford-iiit-pet/</c>, then <c>catsdogs/</c>.</summary>
public static class PetDatasetLocator
{
    /// <summary>The Oxford-IIIT Pet folder name (torchvision's layout).</summary>
    public const string OxfordFolder = "oxford-iiit-pet";
    /// <summary>The folder-per-class set's folder name.</summary>
    public const string FolderPerClassFolder = "catsdogs";

    /// <summary>The first data set found, split; null when none is present.</summary>
    /// <param name="roots">Folders to search, in order.</param>
    /// <param name="seed">Seed of the folder-per-class split and of subsampling.</param>
    /// <param name="maxImages">0 = all; otherwise a stratified subsample of about this many images in total.</param>
    /// <param name="testFraction">Held-out share for the folder-per-class layout.</param>
    public static PetSplit? Find(IEnumerable<string> roots, int seed, int maxImages = 0, double testFraction = 0.2)
    {
        var list = roots.ToList();
        foreach (var root in list)
        {
            var oxford = Path.Combine(root, OxfordFolder);
            if (OxfordPetLayout.IsPresent(oxford)) return Limit(OxfordPetLayout.Load(oxford), seed, maxImages);
        }
        foreach (var root in list)
        {
            var folder = Path.Combine(root, FolderPerClassFolder);
            if (FolderPerClassLayout.IsPresent(folder)) return FolderPerClassLayout.Load(folder, seed, testFraction, maxImages);
        }
        return null;
    }

    private static PetSplit Limit(PetSplit split, int seed, int maxImages)
    {
        if (maxImages <= 0 || maxImages >= split.Train.Count + split.Test.Count) return split;
        var total = split.Train.Count + split.Test.Count;
        var trainCount = (int)Math.Round(maxImages * (double)split.Train.Count / total);
        return split with
        {
            Train = StratifiedSample.Take(split.Train, trainCount, seed),
            Test = StratifiedSample.Take(split.Test, maxImages - trainCount, seed),
        };
    }
}
