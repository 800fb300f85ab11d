using LabDashboard.Engine.Data;

namespace LabDashboard.Tests.Engine.Data;

public class IdxFileTests
{
    [Fact]
    public void Reads_the_gzipped_fashion_training_images_with_their_published_checksum()
    {
        var spec = ImageDatasets.FashionMnist.File(IdxRole.TrainImages);
        var file = IdxFile.Read(IdxFixtures.SharedFile(ImageDatasets.FashionMnist, IdxRole.TrainImages));

        Assert.Equal([60000, 28, 28], file.Dimensions);
        Assert.Equal(60000 * 784, file.Bytes.Length);
        Assert.Equal(spec.Sha256, file.Sha256);
    }

    [Fact]
    public void Reads_plain_and_gzipped_files_alike()
    {
        using var temp = new TempFolder();
        var bytes = IdxFixtures.Idx([3, 2], [1, 2, 3, 4, 5, 6]);
        File.WriteAllBytes(Path.Combine(temp.Path, "plain"), bytes);
        File.WriteAllBytes(Path.Combine(temp.Path, "packed.gz"), IdxFixtures.Gzip(bytes));

        var plain = IdxFile.Read(Path.Combine(temp.Path, "plain"));
        var packed = IdxFile.Read(Path.Combine(temp.Path, "packed.gz"));

        Assert.Equal([3, 2], plain.Dimensions);
        Assert.Equal(plain.Bytes, packed.Bytes);
        Assert.Equal(plain.Sha256, packed.Sha256);
    }

    [Fact]
    public void A_truncated_file_is_reported_by_name()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "train-labels-idx1-ubyte");
        File.WriteAllBytes(path, IdxFixtures.Idx([10], new byte[10])[..^3]);

        var error = Assert.Throws<DatasetFileException>(() => IdxFile.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_file_is_reported_by_name()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "t10k-labels-idx1-ubyte.gz");
        var whole = File.ReadAllBytes(IdxFixtures.SharedFile(ImageDatasets.Mnist, IdxRole.TestLabels));
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var error = Assert.Throws<DatasetFileException>(() => IdxFile.Read(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_idx_is_reported_by_name()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "train-images-idx3-ubyte");
        File.WriteAllText(path, "<html>not found</html>");

        var error = Assert.Throws<DatasetFileException>(() => IdxFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void A_corrupt_gzip_stream_is_reported_by_name()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "train-images-idx3-ubyte.gz");
        var packed = IdxFixtures.Gzip(IdxFixtures.Idx([4, 28, 28], new byte[4 * 784]));
        for (var i = 10; i < packed.Length - 8; i++) packed[i] ^= 0x5a;
        File.WriteAllBytes(path, packed);

        var error = Assert.Throws<DatasetFileException>(() => IdxFile.Read(path));

        Assert.Contains(path, error.Message);
    }
}
