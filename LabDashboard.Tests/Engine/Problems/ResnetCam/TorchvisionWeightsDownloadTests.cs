using LabDashboard.Engine;
using System.Security.Cryptography;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Data;
using TorchSharp.PyBridge;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>
/// torchvision's resnet18 weights fetched when no copy is on disk, from a local HTTP server: a
/// torchvision-shaped resnet18 (or a few random bytes) stands in for the real 45 MB file.
/// </summary>
public sealed class TorchvisionWeightsDownloadTests : IDisposable
{
    private readonly LocalMirror _server = new();
    private readonly TempFolder _data = new();
    private readonly TempFolder _state = new();
    private readonly List<DownloadProgress> _reports = [];
    private static readonly string Name = BackboneStore.TorchvisionPthName;

    private string DownloadedPath => Path.Combine(_state.Path, "models", Name);

    private BackboneStore Store(TorchvisionWeightsDownload? download = null) => new(new LabPaths([_data.Path], _state.Path), download);

    private TorchvisionWeightsDownload Mirror(string variant, string? sha256Prefix = null) =>
        new(new Uri(_server.Url(variant) + Name), sha256Prefix ?? Sha256(_server.Files[Name])[..8]);

    private string Convert(BackboneStore store) => store.EnsureConverted(Backbones.Torchvision, _reports.Add, CancellationToken.None).ToString();

    [Fact]
    public void A_missing_pth_is_downloaded_with_byte_progress_into_State_Root_models_and_converted()
    {
        _server.Files[Name] = SavedResnet18();
        var store = Store(Mirror("files"));

        var log = Convert(store);

        Assert.Equal(_server.Files[Name], File.ReadAllBytes(DownloadedPath));
        Assert.Equal(DownloadedPath, store.FindTorchvisionPth());
        Assert.True(File.Exists(store.WeightsPath(Backbones.Torchvision)));
        Assert.Contains("Downloaded", log);
        Assert.Single(_server.Requests);
        Assert.Equal(_server.Files[Name].Length, _reports[^1].Bytes);
        Assert.Equal(1.0, _reports[^1].Fraction);
        Assert.Contains("MB/s", _reports[^1].Message.ToString());
        Assert.All(_reports.Zip(_reports.Skip(1)), p => Assert.True(p.Second.Bytes >= p.First.Bytes));
        Assert.Equal([Name], Directory.GetFiles(Path.GetDirectoryName(DownloadedPath)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_wrong_hash_from_the_url_in_the_environment_gives_a_clear_error_and_leaves_nothing_behind()
    {
        _server.Files[Name] = RandomBytes(200_000);
        var url = _server.Url("files") + Name;
        Environment.SetEnvironmentVariable(EngineEnvironmentOptions.TorchvisionWeightsUrlVariable, url);
        try
        {
            var configured = TorchvisionWeightsDownload.From(EngineEnvironmentOptions.FromEnvironment().TorchvisionWeightsUrl);
            var error = Assert.Throws<FileNotFoundException>(() => Convert(Store(configured)));

            Assert.Contains(url, error.Message);
            Assert.Contains("SHA-256", error.Message);
            Assert.Contains(TorchvisionWeightsDownload.DefaultSha256Prefix, error.Message);
            AssertTellsWhatToDoInstead(error);
            Assert.Single(_server.Requests);
            AssertNoFilesIn(_state.Path);
        }
        finally
        {
            Environment.SetEnvironmentVariable(EngineEnvironmentOptions.TorchvisionWeightsUrlVariable, null);
        }
    }

    [Fact]
    public void A_connection_dropped_midway_fails_clearly_and_leaves_nothing_behind()
    {
        _server.Files[Name] = RandomBytes(400_000);

        var error = Assert.Throws<FileNotFoundException>(() => Convert(Store(Mirror("cutoff"))));

        Assert.Contains(_server.Url("cutoff") + Name, error.Message);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        AssertTellsWhatToDoInstead(error);
        AssertNoFilesIn(_state.Path);
    }

    [Fact]
    public void An_http_error_names_the_status()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Convert(Store(Mirror("missing", "f37072fd"))));

        Assert.Contains("404", error.Message);
        AssertNoFilesIn(_state.Path);
    }

    [Fact]
    public void A_pth_in_Data_Root_means_no_download()
    {
        File.WriteAllBytes(Path.Combine(_data.Path, Name), SavedResnet18());
        _server.Files[Name] = RandomBytes(1000);

        var log = Convert(Store(Mirror("files")));

        Assert.Empty(_server.Requests);
        Assert.DoesNotContain("Downloaded", log);
        Assert.Empty(_reports);
        Assert.False(File.Exists(DownloadedPath));
    }

    private static void AssertTellsWhatToDoInstead(Exception error)
    {
        Assert.Contains("Data:Root", error.Message);
        Assert.Contains(Backbones.Cntk.Id, error.Message);
    }

    private static void AssertNoFilesIn(string folder) => Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));

    private byte[] SavedResnet18()
    {
        var path = Path.Combine(_state.Path, "original.pth");
        using (var module = ResNetBuilder.Create(Backbones.Torchvision.Blocks, outputs: 1000))
            module.save_py(path);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => System.Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public void Dispose()
    {
        _server.Dispose();
        _data.Dispose();
        _state.Dispose();
    }
}
