using System.Text;
using LabDashboard.Engine.Data;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Data;

public class ImageDatasetLoaderTests
{
    [Fact]
    public void Loads_shared_mnist_as_one_tensor_per_split_with_the_known_digit_counts()
    {
        using var data = ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.Mnist, [TestData.Root], null)!);

        Assert.Equal([60000L, 1, 28, 28], data.TrainImages.shape);
        Assert.Equal([10000L, 1, 28, 28], data.TestImages.shape);
        Assert.Equal(torch.ScalarType.Float32, data.TrainImages.dtype);
        Assert.Equal(torch.ScalarType.Int64, data.TrainLabels.dtype);
        Assert.Equal(5851, data.TrainLabels.eq(8).sum().item<long>());
        Assert.Equal(1f, data.TrainImages.max().item<float>());
        Assert.Equal(0f, data.TrainImages.min().item<float>());
        Assert.Empty(data.Warnings);
    }

    [Fact]
    public void Pixels_are_divided_by_255_like_torchvision_or_kept_raw()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("mnist");
        IdxFixtures.WriteTinySet(ImageDatasets.Mnist, folder, 7);
        var location = DatasetLocator.Find(ImageDatasets.Mnist, [temp.Path], null)!;

        using var unit = ImageDatasetLoader.Load(location);
        using var raw = ImageDatasetLoader.Load(location, PixelScale.Raw255);

        Assert.Equal(6f / 255f, unit.TrainImages[6, 0, 0, 0].item<float>());
        Assert.Equal(1f, unit.TrainImages[6, 0, 27, 27].item<float>());
        Assert.Equal(6f, raw.TrainImages[6, 0, 0, 0].item<float>());
        Assert.Equal(6L, unit.TestLabels[6].item<long>());
        Assert.NotEmpty(unit.Warnings);
    }

    [Fact]
    public void Loads_the_exam_csv_form()
    {
        using var temp = new TempFolder();
        WriteCsv(Path.Combine(temp.Path, "fashion-mnist_train.csv"), 4, header: true);
        WriteCsv(Path.Combine(temp.Path, "fashion-mnist_test.csv"), 2, header: false);
        var location = DatasetLocator.Find(ImageDatasets.FashionMnist, [temp.Path], null)!;

        using var data = ImageDatasetLoader.Load(location);

        Assert.Equal([4L, 1, 28, 28], data.TrainImages.shape);
        Assert.Equal([2L, 1, 28, 28], data.TestImages.shape);
        Assert.Equal(3L, data.TrainLabels[3].item<long>());
        Assert.Equal(3f / 255f, data.TrainImages[3, 0, 0, 0].item<float>());
        Assert.Equal(1f, data.TrainImages[3, 0, 27, 27].item<float>());
    }

    [Fact]
    public void A_csv_row_with_missing_pixels_is_reported_with_file_and_line()
    {
        using var temp = new TempFolder();
        var train = Path.Combine(temp.Path, "fashion-mnist_train.csv");
        WriteCsv(train, 3, header: true);
        File.AppendAllText(train, "1,2,3\n");
        WriteCsv(Path.Combine(temp.Path, "fashion-mnist_test.csv"), 2, header: true);

        var error = Assert.Throws<DatasetFileException>(() => ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.FashionMnist, [temp.Path], null)!));

        Assert.Equal(train, error.FilePath);
        Assert.Contains("line 5", error.Message);
    }

    [Fact]
    public void Images_and_labels_of_different_lengths_are_refused_naming_the_files()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("mnist");
        IdxFixtures.WriteTinySet(ImageDatasets.Mnist, folder, 5);
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte"), IdxFixtures.Idx([4], [0, 1, 2, 3]));

        var error = Assert.Throws<DatasetFileException>(() => ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.Mnist, [temp.Path], null)!));

        Assert.Contains("t10k-labels-idx1-ubyte", error.Message);
        Assert.Contains("t10k-images-idx3-ubyte", error.Message);
    }

    [Fact]
    public void A_truncated_file_in_a_set_fails_with_its_name_not_a_crash()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("mnist");
        IdxFixtures.WriteTinySet(ImageDatasets.Mnist, folder, 5);
        var images = Path.Combine(folder, "train-images-idx3-ubyte");
        File.WriteAllBytes(images, File.ReadAllBytes(images)[..1000]);

        var error = Assert.Throws<DatasetFileException>(() => ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.Mnist, [temp.Path], null)!));

        Assert.Equal(images, error.FilePath);
    }

    private static void WriteCsv(string path, int rows, bool header)
    {
        var text = new StringBuilder();
        if (header) text.AppendLine("label," + string.Join(',', Enumerable.Range(1, 784).Select(i => $"pixel{i}")));
        for (var row = 0; row < rows; row++)
            text.AppendLine(row + "," + string.Join(',', Enumerable.Range(0, 784).Select(i => i == 0 ? row : i == 783 ? 255 : 0)));
        File.WriteAllText(path, text.ToString());
    }
}
