using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Data;

public sealed class DatasetDownloadTests : IDisposable
{
    private readonly LocalMirror _mirror = new();
    private readonly TempFolder _temp = new();
    private readonly DatasetDownloader _downloader = new(new HttpClient());

    private LabPaths Paths => new([_temp.Sub("data")], _temp.Sub("state"));
    private string DownloadFolder => DatasetLocator.DownloadFolder(ImageDatasets.Mnist, Paths.StateRoot);

    [Fact]
    public void A_missing_set_is_downloaded_into_the_state_root_with_progress_and_then_loads_cleanly()
    {
        var reports = new List<(double Fraction, string Message, IReadOnlyDictionary<string, double> Metrics)>();

        var location = DatasetProvider.Locate(_mirror.Mnist("good"), Paths, (f, m, x) => reports.Add((f, m.ToString(), x)), default, _downloader);

        Assert.Equal(DatasetLayout.Downloaded, location.Layout);
        Assert.Equal(DownloadFolder, location.Folder);
        var totalBytes = ImageDatasets.Mnist.Files.Sum(f => new FileInfo(TestData.Path("mnist", f.GzipName)).Length);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(totalBytes, reports[^1].Metrics["bytes"]);
        Assert.Equal(totalBytes, reports[^1].Metrics["totalBytes"]);
        Assert.True(reports[^1].Metrics["bytesPerSecond"] > 0);
        Assert.Equal(0, reports[^1].Metrics["etaSeconds"]);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Metrics["bytes"] >= pair.First.Metrics["bytes"]));
        Assert.Contains("MB/s", reports[0].Message);
        Assert.Empty(PartFiles());
        using var data = ImageDatasetLoader.Load(location);
        Assert.Empty(data.Warnings);
        Assert.Equal(60000, data.TrainLabels.shape[0]);
    }

    [Fact]
    public void Progress_reaches_the_run_as_progress_events_and_the_source_as_a_log()
    {
        var reporter = new RecordingReporter();
        var context = new RunContext("r", LabDashboard.Engine.Settings.SettingsBinder.Defaults([]), LabDashboard.Engine.Devices.DeviceInfo.Detect(), Paths, reporter);
        DatasetProvider.Locate(_mirror.Mnist("good"), Paths, context.Progress, default, _downloader);

        using var data = DatasetProvider.Load(ImageDatasets.Mnist, context);

        var progress = reporter.OfKind(RunEventKinds.Progress).ToList();
        Assert.NotEmpty(progress);
        Assert.Equal(1.0, progress[^1].Metrics!["fraction"]);
        Assert.Contains(reporter.OfKind(RunEventKinds.Log), e => e.Message!.Contains("downloaded to " + DownloadFolder));
    }

    [Fact]
    public void A_wrong_checksum_is_refused_naming_the_file_and_leaves_nothing_behind()
    {
        var error = Assert.Throws<DatasetUnavailableException>(() =>
            DatasetProvider.Locate(_mirror.Mnist("badsum"), Paths, null, default, _downloader));

        Assert.Contains("checksum mismatch", error.Message);
        Assert.Contains("train-images-idx3-ubyte.gz", error.Message);
        Assert.Empty(Directory.GetFiles(DownloadFolder));
    }

    [Fact]
    public void A_truncated_gzip_is_refused_and_leaves_nothing_behind()
    {
        var error = Assert.Throws<DatasetUnavailableException>(() =>
            DatasetProvider.Locate(_mirror.Mnist("truncated"), Paths, null, default, _downloader));

        Assert.Contains("truncated", error.Message);
        Assert.Contains("train-images-idx3-ubyte.gz", error.Message);
        Assert.Empty(Directory.GetFiles(DownloadFolder));
    }

    [Fact]
    public void A_connection_dropped_mid_file_is_refused_and_leaves_nothing_behind()
    {
        var error = Assert.Throws<DatasetUnavailableException>(() =>
            DatasetProvider.Locate(_mirror.Mnist("cutoff"), Paths, null, default, _downloader));

        Assert.Contains("train-images-idx3-ubyte.gz", error.Message);
        Assert.Empty(Directory.GetFiles(DownloadFolder));
        Assert.Null(DatasetLocator.Find(ImageDatasets.Mnist, Paths.DataRoots, Paths.StateRoot));
    }

    [Fact]
    public void A_failing_mirror_falls_back_to_the_next_one()
    {
        var location = DatasetProvider.Locate(_mirror.Mnist("missing", "truncated", "good"), Paths, null, default, _downloader);

        Assert.Equal(4, location.Files.Count);
        Assert.Contains("/missing/train-images-idx3-ubyte.gz", _mirror.Requests);
        Assert.Contains("/good/train-images-idx3-ubyte.gz", _mirror.Requests);
    }

    [Fact]
    public void Only_missing_files_are_downloaded_and_verified_ones_are_kept()
    {
        Directory.CreateDirectory(DownloadFolder);
        File.Copy(TestData.Path("mnist", "train-images-idx3-ubyte.gz"), Path.Combine(DownloadFolder, "train-images-idx3-ubyte.gz"));

        DatasetProvider.Locate(_mirror.Mnist("good"), Paths, null, default, _downloader);

        Assert.DoesNotContain("/good/train-images-idx3-ubyte.gz", _mirror.Requests);
        Assert.Equal(3, _mirror.Requests.Count);
    }

    [Fact]
    public void Cancelling_a_download_leaves_no_file_that_looks_complete()
    {
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            DatasetProvider.Locate(_mirror.Mnist("good"), Paths, (_, _, _) => cancel.Cancel(), cancel.Token, _downloader));

        Assert.Empty(Directory.GetFiles(DownloadFolder));
    }

    [Fact]
    public void Offline_the_message_names_the_files_the_folders_and_the_debian_package()
    {
        var nowhere = $"http://127.0.0.1:{TestPorts.Free()}/";
        var spec = ImageDatasets.FashionMnist with { Mirrors = [nowhere], SystemFolders = [] };

        var error = Assert.Throws<DatasetUnavailableException>(() => DatasetProvider.Locate(spec, Paths, null, default, _downloader));

        Assert.Contains("offline", error.Message);
        foreach (var file in spec.Files) Assert.Contains(file.GzipName, error.Message);
        Assert.Contains(Path.Combine(Paths.DataRoots[0], "FashionMNIST", "raw"), error.Message);
        Assert.Contains(Path.Combine(Paths.DataRoots[0], "fashion-mnist"), error.Message);
        Assert.Contains("apt install dataset-fashion-mnist", error.Message);
    }

    private IEnumerable<string> PartFiles() => Directory.GetFiles(DownloadFolder, "*.part");

    public void Dispose()
    {
        _mirror.Dispose();
        _temp.Dispose();
    }
}
