using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Runs;

public sealed class RunQuotasDiskTests : IDisposable
{
    private readonly TempFolder _state = new();

    /// <summary>
    /// An exam's runs start one after another while the first ones write images (a temporary file renamed over
    /// the image): each start measures the owner's folders, and a file gone between listing and measuring
    /// made <c>POST /api/exam</c> a 500 (the classroom exam test's flake).
    /// </summary>
    [Fact]
    public async Task The_disk_limit_reads_a_runs_folder_while_the_run_writes_images_through_temporary_files()
    {
        var problem = new GatedProblem();
        var quotas = new RunQuotas(new QuotaOptions(), new DiskArtifactStore(new LabPaths([], _state.Path)), new ProblemCatalog([problem]));
        var settings = SettingsBinder.Defaults(problem.Descriptor.Settings);
        var images = Directory.CreateDirectory(Path.Combine(_state.Path, "runs", "writing", "images")).FullName;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var image = Path.Combine(images, $"grid-e{i % 50}.png");
                File.WriteAllBytes(image + ".tmp", new byte[4096]);
                File.Move(image + ".tmp", image, overwrite: true);
                if (i % 50 == 49) Directory.Delete(images, recursive: true);
                Directory.CreateDirectory(images);
            }
        });
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(3))
                quotas.Check("alice", problem, settings, [], () => [("writing", problem.Descriptor.Id)]);
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }

    public void Dispose() => _state.Dispose();
}
