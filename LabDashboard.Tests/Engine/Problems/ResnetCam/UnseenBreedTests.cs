using System.Text.Json;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Problems.ResnetCam.Training;
using LabDashboard.Engine.Settings;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>Leave-one-breed-out folds on the real catsdogs list: the breed a fold tests is in none of its training or validation photos.</summary>
public class UnseenBreedTests
{
    private static readonly PetSplit Catsdogs = PetDatasetLocator.Find([TestData.Root], seed: 43052)!;

    /// <summary>A bank over the real split with placeholder features (the folds only read the photo list).</summary>
    private static FeatureBank Bank(int views) =>
        new(Catsdogs.Train, Catsdogs.Test, zeros(Catsdogs.Train.Count * (1 + views) + Catsdogs.Test.Count, 512), views);

    private static ResnetCamSettings Defaults() =>
        ResnetCamSettings.From(SettingsBinder.Bind(ResnetCamSettings.Schema(cuda: false), JsonDocument.Parse("{}").RootElement));

    private static void AssertNeverTrainedOn(IReadOnlyList<PetImage> photos, BreedFold fold)
    {
        Assert.DoesNotContain(fold.Fit, p => photos[p].Breed == fold.Breed);
        Assert.DoesNotContain(fold.Validation, p => photos[p].Breed == fold.Breed);
        Assert.All(fold.Test, p => Assert.Equal(fold.Breed, photos[p].Breed));
    }

    [Theory]
    [InlineData("/d/american_pit_bull_terrier_12.jpg", "american_pit_bull_terrier")]
    [InlineData("/d/Abyssinian_5.jpg", "Abyssinian")]
    [InlineData("/d/Maine_Coon_190.jpg", "Maine_Coon")]
    [InlineData("/d/my_cat.jpg", "my_cat")]
    public void The_breed_is_the_file_name_without_its_number(string path, string breed) =>
        Assert.Equal(breed, new PetImage(path, 0).Breed);

    [Fact]
    public void On_catsdogs_each_of_the_34_breeds_with_10_photos_is_tested_on_all_its_photos_and_trained_on_in_no_fold_of_its_own()
    {
        using var bank = Bank(views: 2);
        var (fit, validation) = HeadOnlyTrainer.SplitForValidation(bank, Defaults());

        var folds = LeaveOneBreedOut.Folds(bank.Photos, fit, validation);

        Assert.Equal(34, folds.Count);
        Assert.DoesNotContain(folds, f => f.Breed is "Abyssinian" or "Bengal" or "american_bulldog");
        Assert.Empty(fit.Intersect(validation));
        Assert.Equal(bank.TrainPhotos.Order(), fit.Concat(validation).Order());
        Assert.All(folds, fold =>
        {
            AssertNeverTrainedOn(bank.Photos, fold);
            Assert.Equal(10, fold.Test.Count);
            Assert.Equal(fit.Count(p => bank.Photos[p].Breed != fold.Breed), fold.Fit.Count);
        });
        Assert.Contains(folds.SelectMany(f => f.Test), p => p >= bank.TrainCount);
    }

    [Fact]
    public void The_leak_check_fails_on_a_fold_that_trains_on_its_own_breed()
    {
        using var bank = Bank(views: 0);
        var fold = LeaveOneBreedOut.Folds(bank.Photos, bank.TrainPhotos, [])[0];
        var leaky = fold with { Fit = [.. fold.Fit, fold.Test.First(p => p < bank.TrainCount)] };

        AssertNeverTrainedOn(bank.Photos, fold);
        Assert.ThrowsAny<XunitException>(() => AssertNeverTrainedOn(bank.Photos, leaky));
    }

    [Fact]
    public void A_fold_s_training_rows_hold_the_plain_and_augmented_views_of_its_photos_only()
    {
        const int views = 2;
        var photos = Catsdogs.Train.Count + Catsdogs.Test.Count;
        // Row r of the bank holds the value r, so a picked row says where it came from.
        var features = arange(Catsdogs.Train.Count * (1 + views) + Catsdogs.Test.Count, ScalarType.Float32).unsqueeze(1).expand(-1, 512).contiguous();
        using var bank = new FeatureBank(Catsdogs.Train, Catsdogs.Test, features, views);
        var fold = LeaveOneBreedOut.Folds(bank.Photos, bank.TrainPhotos, [])[0];

        using var rows = bank.Rows(fold.Fit, withViews: true, CPU);

        Assert.Equal(fold.Fit.Count * (1 + views), rows.Count);
        var source = rows.Features.select(1, 0).data<float>().ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = (int)source[r];
            var photo = row < photos ? row : (row - photos) % Catsdogs.Train.Count;
            Assert.Equal(rows.Photos[r], photo);
            Assert.NotEqual(fold.Breed, bank.Photos[photo].Breed);
        }
        Assert.Equal(rows.Photos.Select(p => (float)bank.Photos[p].Label), rows.Labels.data<float>().ToArray());
    }

    [Fact]
    public void With_the_full_oxford_layout_the_official_lists_are_the_split_and_the_smaller_breeds_are_left_out()
    {
        using var data = new TempFolder();
        var root = Path.Combine(data.Path, "oxford-iiit-pet");
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "annotations"));
        string[] trainval = ["Abyssinian_1 1 1 1", "Abyssinian_2 1 1 1", "Abyssinian_3 1 1 1", "beagle_1 4 2 2", "great_pyrenees_1 14 2 9", "great_pyrenees_2 14 2 9"];
        string[] test = ["Abyssinian_4 1 1 1", "beagle_2 4 2 2"];
        foreach (var line in trainval.Concat(test)) File.WriteAllBytes(Path.Combine(root, "images", line.Split(' ')[0] + ".jpg"), [1]);
        File.WriteAllLines(Path.Combine(root, "annotations", "trainval.txt"), ["#Image CLASS-ID SPECIES BREED ID", .. trainval]);
        File.WriteAllLines(Path.Combine(root, "annotations", "test.txt"), test);

        var split = PetDatasetLocator.Find([data.Path], seed: 1)!;
        IReadOnlyList<PetImage> photos = [.. split.Train, .. split.Test];
        var folds = LeaveOneBreedOut.Folds(photos, [.. Enumerable.Range(0, split.Train.Count)], []);

        Assert.Equal(["Abyssinian_1", "Abyssinian_2", "Abyssinian_3", "beagle_1", "great_pyrenees_1", "great_pyrenees_2"], split.Train.Select(p => Path.GetFileNameWithoutExtension(p.Path)));
        Assert.Equal(["beagle", "great_pyrenees"], folds.Select(f => f.Breed));
        Assert.Equal([3, 7], folds[0].Test);
        Assert.All(folds, f => AssertNeverTrainedOn(photos, f));
    }
}
