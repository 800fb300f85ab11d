using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>A tiny whole-network run in its own State:Root (the shared one holds the head-only model other tests read as the latest).</summary>
public sealed class WholeNetworkTrainingTests : IDisposable
{
    private readonly TempFolder _state = new();

    [Fact]
    public void Whole_network_training_starts_from_the_converted_backbone_and_saves_a_model_that_loads_back()
    {
        var paths = new LabPaths([TestData.Root], _state.Path);
        var reporter = new RecordingReporter();
        var problem = new ResnetCamProblem();
        var context = reporter.ContextFor(problem, """{"trainBackbone": true, "imageSize": "224", "epochs": 1, "maxImages": 12, "batchSize": 4}""", paths);

        problem.Run(context);

        Assert.Contains(reporter.Events, e => e.Kind == RunEventKinds.Log && e.Message!.Contains("Loaded 110 backbone tensors"));
        var epoch = Assert.Single(reporter.Events, e => e.Kind == RunEventKinds.Epoch);
        Assert.True(double.IsFinite(epoch.Metrics!["loss"]) && epoch.Metrics["trainAcc"] is >= 0 and <= 1);
        var store = new TrainedModelStore(new DiskArtifactStore(paths));
        var model = store.Find(context.RunId)!;
        Assert.True(model.TrainBackbone);
        Assert.True(File.Exists(Path.Combine(paths.StateRoot, "resnet-cam", "models", context.RunId, "weights.safetensors")));
        var (trunk, weight, bias) = store.LoadWeights(model, new BackboneStore(paths));
        Assert.Equal([1L, 512], weight.shape);
        Assert.Equal([1L], bias.shape);
        Assert.Contains("layer4.1.conv2.weight", trunk.Keys);
        foreach (var tensor in trunk.Values.Append(weight).Append(bias)) tensor.Dispose();
    }

    public void Dispose() => _state.Dispose();
}
