using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Training;
using LabDashboard.Tests.Engine.Runs.Storage;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>
/// CAM on a web front of a lab cluster: the front loads the model a worker saved (a whole network,
/// ~45 MB of weights) from the shared PostgreSQL artifacts into a State:Root of its own; no file is shared.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CamFromSharedStoreTests : IDisposable
{
    private const string RunId = "worker-run";
    private readonly TempFolder _webState = new();

    [SkippableFact]
    public async Task A_web_front_explains_with_a_whole_network_model_a_worker_saved_and_finds_none_once_the_run_is_deleted()
    {
        using var schema = new PostgresTestSchema();
        var worker = Store(schema, ResnetCamTestEnvironment.Paths);
        SaveWholeNetworkModel(worker);
        var webPaths = new LabPaths([TestData.Root], _webState.Path);
        var photo = File.ReadAllBytes(ResnetCamTestEnvironment.Photo("dog", "american_bulldog_10.jpg"));

        using (var web = new CamService(webPaths, precision: CamPrecision.Float32, artifacts: Store(schema, webPaths)))
        {
            var explanation = await web.ExplainAsync(photo, RunId);

            Assert.Equal((RunId, true), (explanation.Model.RunId, explanation.Model.TrainBackbone));
            Assert.True(double.IsFinite(explanation.Logit));
            Assert.True(new FileInfo(Path.Combine(_webState.Path, PostgresArtifactStore.CacheFolder, "resnet-cam", "models", RunId, "weights.safetensors")).Length > 40_000_000);
        }

        worker.DeleteFolder(ArtifactPaths.RunFolder(TrainedModelStore.RunsFolder, RunId));
        using var afterDelete = new CamService(webPaths, precision: CamPrecision.Float32, artifacts: Store(schema, webPaths));
        await Assert.ThrowsAsync<NoTrainedModelException>(() => afterDelete.ExplainAsync(photo, RunId));
    }

    private static IRunArtifactStore Store(PostgresTestSchema schema, LabPaths paths) => ClusterServiceCollectionExtensions.OpenArtifactStore(
        new LabClusterOptions { Mode = ClusterMode.Orleans, ConnectionString = schema.ConnectionString }, paths);

    /// <summary>The converted backbone as the "trained" network, and a head that only needs a shape.</summary>
    private static void SaveWholeNetworkModel(IRunArtifactStore artifacts)
    {
        var store = new TrainedModelStore(artifacts);
        var trunk = new BackboneStore(ResnetCamTestEnvironment.Paths).LoadWeights(Backbones.Cntk);
        try
        {
            using var weight = randn(1, 512) * 0.01f;
            using var bias = zeros(1);
            store.SaveHead(RunId, weight, bias);
            // What SaveWholeNetwork writes for a module: its state dict, by torchvision names.
            artifacts.Write(TrainedModelStore.PathOf(RunId, "weights" + WeightsFile.Extension), WeightsFile.ToBytes(trunk.Select(p => (p.Key, p.Value))));
            store.Complete(new TrainedModelInfo(RunId, Backbones.Cntk.Id, Preprocessings.CntkBgrMean, 224, TrainBackbone: true, "test", DateTimeOffset.UtcNow, 0.5));
        }
        finally
        {
            foreach (var tensor in trunk.Values) tensor.Dispose();
        }
    }

    public void Dispose() => _webState.Dispose();
}
