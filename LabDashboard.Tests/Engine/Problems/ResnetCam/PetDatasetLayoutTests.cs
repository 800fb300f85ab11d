using LabDashboard.Engine.Problems.ResnetCam.Data;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public sealed class PetDatasetLayoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pets-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Touch(params string[] parts)
    {
        var path = Path.Combine([_root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1]);
    }

    [Fact]
    public void Folder_per_class_split_is_stratified_and_the_same_for_the_same_seed()
    {
        for (var i = 0; i < 50; i++) Touch("catsdogs", "cat", $"Cat_{i}.jpg");
        for (var i = 0; i < 30; i++) Touch("catsdogs", "dog", $"dog_{i}.jpg");

        var split = PetDatasetLocator.Find([_root], seed: 5)!;
        var again = PetDatasetLocator.Find([_root], seed: 5)!;
        var other = PetDatasetLocator.Find([_root], seed: 6)!;

        Assert.Equal("folder-per-class", split.Layout);
        Assert.Equal((10, 6), (split.Test.Count(i => i.Label == 0), split.Test.Count(i => i.Label == 1)));
        Assert.Equal(64, split.Train.Count);
        Assert.Empty(split.Train.Select(i => i.Path).Intersect(split.Test.Select(i => i.Path)));
        Assert.Equal(split.Test, again.Test);
        Assert.NotEqual(split.Test.Select(i => i.Path), other.Test.Select(i => i.Path));
        Assert.All(split.Test.Where(i => i.Label == 1), i => Assert.Contains($"{Path.DirectorySeparatorChar}dog{Path.DirectorySeparatorChar}", i.Path));
    }

    [Fact]
    public void Oxford_layout_reads_the_species_column_and_is_preferred_over_catsdogs()
    {
        Touch("catsdogs", "cat", "a.jpg");
        Touch("catsdogs", "dog", "b.jpg");
        foreach (var name in new[] { "Abyssinian_1", "Bengal_2", "beagle_3", "pug_4", "pug_5" }) Touch("oxford-iiit-pet", "images", name + ".jpg");
        Directory.CreateDirectory(Path.Combine(_root, "oxford-iiit-pet", "annotations"));
        File.WriteAllLines(Path.Combine(_root, "oxford-iiit-pet", "annotations", "trainval.txt"),
            ["#Image CLASS-ID SPECIES BREED ID", "Abyssinian_1 1 1 1", "beagle_3 4 2 2", "pug_4 25 2 17", "missing_9 25 2 17"]);
        File.WriteAllLines(Path.Combine(_root, "oxford-iiit-pet", "annotations", "test.txt"), ["Bengal_2 6 1 3", "pug_5 25 2 17"]);

        var split = PetDatasetLocator.Find([_root], seed: 1)!;

        Assert.Equal("oxford-iiit-pet", split.Layout);
        Assert.Equal(["Abyssinian_1.jpg:0", "beagle_3.jpg:1", "pug_4.jpg:1"], split.Train.Select(i => $"{Path.GetFileName(i.Path)}:{i.Label}"));
        Assert.Equal(["Bengal_2.jpg:0", "pug_5.jpg:1"], split.Test.Select(i => $"{Path.GetFileName(i.Path)}:{i.Label}"));
    }

    [Fact]
    public void Max_images_takes_a_stratified_subsample()
    {
        for (var i = 0; i < 60; i++) Touch("catsdogs", "cat", $"c{i}.jpg");
        for (var i = 0; i < 40; i++) Touch("catsdogs", "dog", $"d{i}.jpg");

        var split = PetDatasetLocator.Find([_root], seed: 3, maxImages: 50)!;

        var all = split.Train.Concat(split.Test).ToList();
        Assert.Equal(50, all.Count);
        Assert.Equal(20, all.Count(i => i.Label == 1));
    }

    [Fact]
    public void No_data_set_gives_null()
    {
        Assert.Null(PetDatasetLocator.Find([_root], seed: 1));
    }
}
