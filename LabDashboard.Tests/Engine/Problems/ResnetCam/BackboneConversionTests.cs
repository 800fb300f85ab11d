using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Onnx;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using TorchSharp.PyBridge;
using Xunit.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public class BackboneConversionTests(ITestOutputHelper output)
{
    private static string OnnxFile(string name) => Path.Combine(AppContext.BaseDirectory, BackboneStore.OnnxFolder, name);

    [Fact]
    public void Graph_walk_names_all_110_tensors_like_torchvision()
    {
        var named = ResNetOnnxMapping.ToTorchvisionNames(OnnxReader.ReadFile(OnnxFile("ResNet18.onnx")));

        Assert.Equal(110, named.Count);
        Assert.Equal("Parameter91", named["conv1.weight"].Name);
        Assert.Equal("Parameter10", named["layer4.2.conv2.weight"].Name);
        Assert.Equal("Constant206", named["layer2.0.downsample.1.running_var"].Name);
        Assert.Equal("Parameter351", named["layer4.0.downsample.0.weight"].Name);
        Assert.Equal([512L, 512, 3, 3], named["layer4.2.conv1.weight"].Dims);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Converted_cntk_backbone_matches_OnnxRuntime_pooled_features(bool channelsLastWeights)
    {
        var store = new BackboneStore(ResnetCamTestEnvironment.Paths);
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(ResnetCamTestEnvironment.Photo("dog", "american_bulldog_10.jpg")), 224, 224).Image;

        var expected = OnnxRuntimePooledFeatures(photo);
        using var scope = NewDisposeScope();
        var weights = store.LoadWeights(Backbones.Cntk);
        if (channelsLastWeights) weights = ResNetFeatures.ForInference(weights);
        var input = store.Preprocessor(Backbones.Cntk, Preprocessings.Auto).ToInput([photo]);
        var layer4 = ResNetFeatures.Layer4(input, weights, Backbones.Cntk.Blocks);
        var pooled = ResNetFeatures.Pool(layer4).data<float>().ToArray();

        var maxDiff = expected.Zip(pooled, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"max |diff| = {maxDiff:E2}, max |feature| = {expected.Max(Math.Abs):F2}");
        Assert.Equal(512, pooled.Length);
        Assert.True(maxDiff < 1e-4, $"max |diff| {maxDiff} ≥ 1e-4");
        Assert.True(layer4.is_contiguous());
    }

    [Fact]
    public void Inference_weights_fold_each_batch_norm_into_a_channels_last_convolution()
    {
        using var scope = NewDisposeScope();
        var weights = new BackboneStore(ResnetCamTestEnvironment.Paths).LoadWeights(Backbones.Cntk);

        var fast = ResNetFeatures.ForInference(weights);

        Assert.DoesNotContain(fast.Keys, k => k.Contains("bn", StringComparison.Ordinal) || k.Contains("downsample.1", StringComparison.Ordinal));
        Assert.Equal(weights.Keys.Count(k => k.EndsWith(".weight", StringComparison.Ordinal) && weights[k].dim() == 4),
            fast.Keys.Count(k => k.EndsWith(".bias", StringComparison.Ordinal)));
        Assert.Equal([64L, 3, 7, 7], fast["conv1.weight"].shape);
        Assert.Equal([147L, 1, 21, 3], fast["conv1.weight"].stride());
        using var generator = new Generator(11);
        var input = randn([1, 64, 20, 20], generator: generator);
        foreach (var (conv, bn, stride) in new[] { ("layer2.0.conv1", "layer2.0.bn1", 2L), ("layer2.0.downsample.0", "layer2.0.downsample.1", 2L) })
        {
            var padding = weights[conv + ".weight"].shape[2] / 2;
            var expected = batch_norm(conv2d(input, weights[conv + ".weight"], strides: [stride, stride], padding: [padding, padding]),
                weights[bn + ".running_mean"], weights[bn + ".running_var"], weights[bn + ".weight"], weights[bn + ".bias"], training: false, eps: 1e-5);
            var folded = conv2d(input, fast[conv + ".weight"], fast[conv + ".bias"], strides: [stride, stride], padding: [padding, padding]);
            var maxDiff = (expected - folded).abs().max().item<float>();
            Assert.True(maxDiff < 1e-4 * expected.abs().max().item<float>(), $"{conv}: max |diff| {maxDiff}");
        }
    }

    [Fact]
    public void Module_with_converted_weights_computes_what_the_functional_trunk_computes()
    {
        var store = new BackboneStore(ResnetCamTestEnvironment.Paths);
        store.EnsureConverted(Backbones.Cntk);
        using var module = ResNetBuilder.Create(Backbones.Cntk.Blocks);
        var loaded = new Dictionary<string, bool>();
        module.load_safetensors(store.WeightsPath(Backbones.Cntk), strict: false, loadedParameters: loaded);
        module.eval();
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        var input = randn([2, 3, 224, 224], generator: generator) * 50;

        var viaModule = ResNetParts.Of(module).Layer4(input);
        var viaFunction = ResNetFeatures.Layer4(input, store.LoadWeights(Backbones.Cntk), Backbones.Cntk.Blocks);

        Assert.Equal(110, loaded.Count(p => p.Value));
        Assert.True((viaModule - viaFunction).abs().max().item<float>() < 1e-4);
    }

    private static float[] OnnxRuntimePooledFeatures(RgbImage photo)
    {
        var planar = new float[3 * 224 * 224];
        for (var i = 0; i < 224 * 224; i++)
            for (var c = 0; c < 3; c++)
                planar[c * 224 * 224 + i] = photo.Rgb[i * 3 + c];
        using var preprocess = new InferenceSession(OnnxFile("ResNetPreprocess.onnx"));
        using var resnet = new InferenceSession(OnnxFile("ResNet18.onnx"));
        using var rgb = OrtValue.CreateTensorValueFromMemory(planar, [1, 3, 224, 224]);
        using var runOptions = new RunOptions();
        using var prepared = preprocess.Run(runOptions, ["OriginalInput"], [rgb], ["PreprocessedInput"]);
        using var pooled = resnet.Run(runOptions, ["Input247"], [prepared[0]], ["Pooling395_Output_0"]);
        return pooled[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
