using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Data.Downloads;
using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Tests.Engine.Data;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>Oxford-IIIT Pet's two archives, made small from the shared photos and served by a local HTTP server.</summary>
public sealed class OxfordArchiveDownloadTests : IDisposable
{
    private readonly LocalMirror _server = new();
    private readonly TempFolder _temp = new();
    private readonly ArchiveDownloader _downloader = new(new HttpClient());
    private readonly List<DownloadProgress> _reports = [];

    public OxfordArchiveDownloadTests()
    {
        var cats = Directory.GetFiles(TestData.Path("catsdogs", "cat"), "*.jpg").Order().Take(3).ToList();
        var dogs = Directory.GetFiles(TestData.Path("catsdogs", "dog"), "*.jpg").Order().Take(3).ToList();
        var images = cats.Concat(dogs).ToDictionary(f => "images/" + Path.GetFileName(f), File.ReadAllBytes);
        string Line(string f, int species) => $"{Path.GetFileNameWithoutExtension(f)} 1 {species} 1";
        _server.Files["images.tar.gz"] = TarGz(images);
        _server.Files["annotations.tar.gz"] = TarGz(new()
        {
            ["annotations/trainval.txt"] = Encoding.ASCII.GetBytes(string.Join('\n', cats.Take(2).Select(f => Line(f, 1)).Concat(dogs.Take(2).Select(f => Line(f, 2))))),
            ["annotations/test.txt"] = Encoding.ASCII.GetBytes(Line(cats[2], 1) + "\n" + Line(dogs[2], 2) + "\n"),
        });
    }

    private string Destination => Path.Combine(_temp.Path, PetDatasetLocator.OxfordFolder);

    private DownloadItem Item(string variant, string name, string? md5 = null) =>
        new(new Uri(_server.Url(variant) + name), md5 ?? Md5(_server.Files[name]), _server.Files[name].Length);

    private Task Download(params DownloadItem[] items) =>
        _downloader.DownloadAndExtractAsync(items, Destination, _reports.Add, CancellationToken.None);

    [Fact]
    public async Task Both_archives_arrive_with_byte_progress_and_extract_into_the_layout_the_locator_reads()
    {
        await Download(Item("files", "images.tar.gz"), Item("files", "annotations.tar.gz"));

        var split = PetDatasetLocator.Find([_temp.Path], seed: 1);
        Assert.NotNull(split);
        Assert.Equal(PetDatasetLocator.OxfordFolder, split.Layout);
        Assert.Equal([0, 0, 1, 1], split.Train.Select(i => i.Label).Order());
        Assert.Equal(2, split.Test.Count);
        var total = _server.Files.Values.Sum(b => (long)b.Length);
        Assert.Equal(total, _reports[^1].Bytes);
        Assert.Equal(1.0, _reports[^1].Fraction);
        Assert.All(_reports.Zip(_reports.Skip(1)), p => Assert.True(p.Second.Bytes >= p.First.Bytes));
        Assert.Contains("MB/s", _reports[^1].Message.ToString());
        Assert.Single(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task A_wrong_checksum_names_the_archive_and_leaves_nothing_behind()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Download(Item("files", "images.tar.gz", md5: new string('0', 32))));

        Assert.Contains("images.tar.gz", error.Message);
        Assert.Contains("MD5", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task A_connection_dropped_mid_archive_fails_and_leaves_nothing_behind()
    {
        await Assert.ThrowsAnyAsync<IOException>(() => Download(Item("files", "annotations.tar.gz"), Item("cutoff", "images.tar.gz")));

        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    private static string Md5(byte[] bytes) => Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant();

    private static byte[] TarGz(Dictionary<string, byte[]> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (name, bytes) in files)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        }
        return output.ToArray();
    }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }
}
