using LabDashboard.Engine.Data;

namespace LabDashboard.Tests.Engine.Data;

public class DatasetLocatorTests
{
    private static readonly ImageDatasetSpec Fashion = ImageDatasets.FashionMnist with { SystemFolders = [] };

    [Fact]
    public void Finds_the_flat_folders_of_the_shared_data()
    {
        var mnist = DatasetLocator.Find(ImageDatasets.Mnist, [TestData.Root], stateRoot: null);
        var fashion = DatasetLocator.Find(Fashion, [TestData.Root], stateRoot: null);

        Assert.Equal(DatasetLayout.Flat, mnist!.Layout);
        Assert.Equal(Path.Combine(TestData.Root, "mnist"), mnist.Folder);
        Assert.Equal(DatasetLayout.Flat, fashion!.Layout);
        Assert.EndsWith("train-images-idx3-ubyte.gz", fashion.Files[IdxRole.TrainImages]);
        Assert.Contains("Fashion-MNIST", fashion.Description.ToString());
        Assert.Contains(fashion.Folder, fashion.Description.ToString());
    }

    [Fact]
    public void Finds_the_torchvision_layout_with_uncompressed_files()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteTinySet(ImageDatasets.Mnist, temp.Sub("MNIST", "raw"), 5);

        var found = DatasetLocator.Find(ImageDatasets.Mnist, [temp.Path], stateRoot: null);

        Assert.Equal(DatasetLayout.Torchvision, found!.Layout);
        Assert.Equal(Path.Combine(temp.Path, "MNIST", "raw", "t10k-labels-idx1-ubyte"), found.Files[IdxRole.TestLabels]);
        Assert.Contains("torchvision", found.Description.ToString());
    }

    [Fact]
    public void Torchvision_layout_comes_before_the_flat_folder_in_the_same_root()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteTinySet(Fashion, temp.Sub("fashion-mnist"), 3);
        IdxFixtures.WriteTinySet(Fashion, temp.Sub("FashionMNIST", "raw"), 3);

        Assert.Equal(DatasetLayout.Torchvision, DatasetLocator.Find(Fashion, [temp.Path], null)!.Layout);
    }

    [Fact]
    public void An_incomplete_folder_is_skipped_for_the_next_root()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        IdxFixtures.WriteTinySet(Fashion, first.Sub("fashion-mnist"), 3);
        File.Delete(Path.Combine(first.Path, "fashion-mnist", "t10k-labels-idx1-ubyte"));
        IdxFixtures.WriteTinySet(Fashion, second.Sub("fashion-mnist"), 3);

        var found = DatasetLocator.Find(Fashion, [first.Path, second.Path], null);

        Assert.Equal(Path.Combine(second.Path, "fashion-mnist"), found!.Folder);
    }

    [Fact]
    public void Finds_the_system_package_folder_when_no_data_root_has_the_set()
    {
        using var temp = new TempFolder();
        var debian = temp.Sub("usr", "share", "datasets", "fashion-mnist");
        IdxFixtures.WriteTinySet(Fashion, debian, 3);
        var spec = Fashion with { SystemFolders = [debian] };

        var found = DatasetLocator.Find(spec, [temp.Sub("empty")], null);

        Assert.Equal(DatasetLayout.System, found!.Layout);
        Assert.Contains("system package", found.Description.ToString());
    }

    [Fact]
    public void Debian_fashion_folder_is_searched_by_default()
    {
        Assert.Contains("/usr/share/datasets/fashion-mnist", ImageDatasets.FashionMnist.SystemFolders);
        Assert.Equal("dataset-fashion-mnist", ImageDatasets.FashionMnist.DebianPackage);
    }

    [Fact]
    public void Finds_earlier_downloads_under_the_state_root_after_the_data_roots()
    {
        using var temp = new TempFolder();
        var stateRoot = temp.Sub("state");
        IdxFixtures.WriteTinySet(Fashion, DatasetLocator.DownloadFolder(Fashion, stateRoot), 3);

        var found = DatasetLocator.Find(Fashion, [temp.Sub("data")], stateRoot);

        Assert.Equal(DatasetLayout.Downloaded, found!.Layout);
        Assert.Equal(Path.Combine(stateRoot, "datasets", "FashionMNIST", "raw"), found.Folder);
    }

    [Fact]
    public void Finds_the_exam_csv_files_in_the_root_or_the_flat_folder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Sub("fashion-mnist"), "fashion-mnist_train.csv"), "");
        File.WriteAllText(Path.Combine(temp.Sub("fashion-mnist"), "fashion-mnist_test.csv"), "");

        var found = DatasetLocator.Find(Fashion, [temp.Path], null);

        Assert.Equal(DatasetLayout.Csv, found!.Layout);
        Assert.EndsWith("fashion-mnist_test.csv", found.Files[IdxRole.TestImages]);
        Assert.Contains("CSV", found.Description.ToString());
    }

    [Fact]
    public void Nothing_found_is_null()
    {
        using var temp = new TempFolder();

        Assert.Null(DatasetLocator.Find(Fashion, [temp.Path, Path.Combine(temp.Path, "missing")], temp.Sub("state")));
    }
}
