using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public sealed class TorchvisionWeightsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("tv-data-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("tv-state-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public void A_pytorch_state_dict_named_like_torchvisions_resnet18_is_converted_tensor_for_tensor()
    {
        // No real resnet18-f37072fd.pth here: a torchvision-shaped resnet18 saved in PyTorch's format stands in.
        using var original = ResNetBuilder.Create(Backbones.Torchvision.Blocks, outputs: 1000);
        original.save_py(Path.Combine(_data, BackboneStore.TorchvisionPthName));
        var store = new BackboneStore(new LabPaths([_data], _state));

        store.EnsureConverted(Backbones.Torchvision);
        var converted = store.LoadWeights(Backbones.Torchvision);

        var expected = original.state_dict().Where(p => !p.Key.StartsWith("fc.") && !p.Key.EndsWith("num_batches_tracked")).ToList();
        Assert.Equal(expected.Count, converted.Count);
        Assert.Contains("layer4.1.conv2.weight", converted.Keys);
        Assert.DoesNotContain("layer4.2.conv1.weight", converted.Keys);
        Assert.All(expected, p => Assert.True(p.Value.allclose(converted[p.Key], rtol: 0, atol: 0), p.Key));
    }

    [Fact]
    public void Torchvision_preprocessing_is_rgb_0_to_1_with_imagenet_normalisation_as_an_option()
    {
        var store = new BackboneStore(new LabPaths([_data], _state));
        var white = new LabDashboard.Engine.Data.Images.RgbImage(1, 1, [255, 255, 255]);
        using var scope = NewDisposeScope();

        var plain = store.Preprocessor(Backbones.Torchvision, Preprocessings.Auto).ToInput([white]);
        var normalised = store.Preprocessor(Backbones.Torchvision, Preprocessings.TorchvisionImagenet).ToInput([white]);

        Assert.Equal(new[] { 1f, 1f, 1f }, plain.flatten().data<float>().ToArray());
        Assert.Equal((1 - 0.485f) / 0.229f, normalised.flatten()[0].item<float>(), 4);
    }
}
