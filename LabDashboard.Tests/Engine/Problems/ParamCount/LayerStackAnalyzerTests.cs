using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Tests.Engine;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.ParamCount;

[Collection(SeededTorchCollection.Name)] // builds CPU modules, which draw from the global RNG
public class LayerStackAnalyzerTests
{
    [Fact]
    public void Editor_counts_and_shapes_equal_real_TorchSharp_modules_for_random_valid_stacks()
    {
        var random = new Random(20240415);
        for (var i = 0; i < 40; i++)
        {
            var (input, layers) = RandomValidStack(random);
            var analysis = LayerStackAnalyzer.Analyze(layers, input);
            Assert.True(analysis.IsValid, string.Join("; ", analysis.Errors).ToString());
            var (count, shape) = RunOnCpu(layers, input);
            var stackText = string.Join(" → ", layers);
            Assert.True(count == analysis.TorchTotal, $"{stackText}: TorchSharp {count}, editor {analysis.TorchTotal}");
            Assert.True(count == analysis.FormulaTotal, $"{stackText}: TorchSharp {count}, formula {analysis.FormulaTotal}");
            Assert.True(shape.SequenceEqual(analysis.OutputShape!), $"{stackText}: TorchSharp {string.Join(",", shape)}, editor {LayerStackAnalysis.ShapeText(analysis.OutputShape)}");
        }
    }

    [Fact]
    public void A_Linear_that_does_not_match_the_incoming_features_is_explained()
    {
        var analysis = LayerStackAnalyzer.Analyze([LayerSpec.Linear(10, 5), LayerSpec.ReLU(), LayerSpec.Linear(4, 1)], [1, 10]);
        Assert.False(analysis.IsValid);
        var error = Assert.Single(analysis.Errors);
        Assert.Equal("Layer 3 (Linear(4, 1)): expects the last dimension to be 4, but the input is (1, 5).", error.ToString());
        Assert.Equal(55 + 5, analysis.TorchTotal); // counts still shown for layers with valid arguments
    }

    [Fact]
    public void A_Linear_after_a_conv_without_Flatten_suggests_adding_one()
    {
        var analysis = LayerStackAnalyzer.Analyze([LayerSpec.Conv2d(1, 2, 3), LayerSpec.Linear(2 * 26 * 26, 10)], [1, 1, 28, 28]);
        Assert.Contains("Add a Flatten layer", Assert.Single(analysis.Errors).ToString());
    }

    [Theory]
    [InlineData(0, 5, "in_features must be a positive whole number, got 0.")]
    [InlineData(10, -3, "out_features must be a positive whole number, got -3.")]
    [InlineData(10, 200_000, "out_features above 100000 is not accepted here")]
    public void Zero_negative_or_huge_Linear_sizes_are_explained(int @in, int @out, string message)
    {
        var analysis = LayerStackAnalyzer.Analyze([LayerSpec.Linear(@in, @out)], [1, 10]);
        Assert.Contains(message, Assert.Single(analysis.Errors).ToString());
        Assert.Null(analysis.Rows[0].TorchCount);
    }

    [Fact]
    public void Conv_problems_are_explained()
    {
        Assert.Contains("expects 3 input channel(s), but the input (1, 1, 28, 28) has 1",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Conv2d(3, 8, 3)], [1, 1, 28, 28]).Errors).ToString());
        Assert.Contains("the 5×5 window does not fit the 4×4 input",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Conv2d(1, 1, 3), LayerSpec.Conv2d(1, 1, 5)], [1, 1, 6, 6]).Errors).ToString());
        Assert.Contains("expects (C, H, W) or (N, C, H, W)",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Conv2d(1, 1, 3)], [1, 10]).Errors).ToString());
        Assert.Contains("stride must be a positive whole number, got 0",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Conv2d(1, 1, 3, stride: 0)], [1, 1, 8, 8]).Errors).ToString());
        Assert.Contains("padding cannot be negative",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Conv2d(1, 1, 3, padding: -1)], [1, 1, 8, 8]).Errors).ToString());
    }

    [Fact]
    public void Other_layer_problems_are_explained()
    {
        Assert.Contains("p must be between 0 and 1",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Dropout(1.5)], [1, 10]).Errors).ToString());
        Assert.Contains("needs at least 2 dimensions",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Flatten()], [10]).Errors).ToString());
        Assert.Contains("kernel_size must be a positive whole number",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.MaxPool2d(0)], [1, 1, 8, 8]).Errors).ToString());
        Assert.Contains("more elements than a tensor can hold",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.Flatten()], [1, 1_000_000, 1_000_000, 1_000_000, 1_000_000]).Errors).ToString());
        Assert.Contains("Every input dimension must be positive",
            Assert.Single(LayerStackAnalyzer.Analyze([LayerSpec.ReLU()], [1, 0, 8]).Errors).ToString());
    }

    [Theory]
    [InlineData("1, 1, 28, 28", new long[] { 1, 1, 28, 28 })]
    [InlineData("(1, 10)", new long[] { 1, 10 })]
    [InlineData("1x3x32x32", new long[] { 1, 3, 32, 32 })]
    public void Input_shapes_are_parsed_from_text(string text, long[] expected) =>
        Assert.Equal(expected, LayerStackAnalyzer.ParseShape(text).Shape);

    [Theory]
    [InlineData("", "Enter an input shape")]
    [InlineData("1, ten", "'ten' in the input shape is not a whole number.")]
    [InlineData("1, -2", "Every input dimension must be positive")]
    public void Bad_input_shape_text_gives_a_message(string text, string message)
    {
        var (shape, error) = LayerStackAnalyzer.ParseShape(text);
        Assert.Null(shape);
        Assert.Contains(message, error?.ToString());
    }

    private static (long Count, long[] Shape) RunOnCpu(IReadOnlyList<LayerSpec> layers, long[] input)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var modules = layers.Select(l => TorchParamCounter.Build(l, torch.CPU)).ToList();
        using var sequential = torch.nn.Sequential(modules);
        sequential.eval();
        var count = sequential.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        var output = sequential.call(torch.zeros(input));
        return (count, output.shape);
    }

    private static (long[] Input, List<LayerSpec> Layers) RandomValidStack(Random random)
    {
        var image = random.Next(2) == 0;
        long[] shape = image ? [random.Next(1, 3), random.Next(1, 4), random.Next(8, 20), random.Next(8, 20)] : [random.Next(1, 3), random.Next(1, 30)];
        var input = shape.ToArray();
        var layers = new List<LayerSpec>();
        for (var n = random.Next(1, 7); layers.Count < n;)
        {
            var layer = RandomLayerFor(shape, random);
            if (layer is null) break;
            layers.Add(layer);
            shape = [.. ShapeAfter(layer, shape)];
        }
        return (input, layers);
    }

    private static LayerSpec? RandomLayerFor(long[] shape, Random random)
    {
        var spatial = shape.Length == 4;
        var minSide = spatial ? Math.Min(shape[2], shape[3]) : 0;
        return random.Next(6) switch
        {
            0 when spatial && minSide >= 2 => LayerSpec.Conv2d((int)shape[1], random.Next(1, 5), random.Next(1, (int)Math.Min(minSide, 5) + 1),
                stride: random.Next(1, 3), padding: random.Next(0, 2), bias: random.Next(2) == 0),
            1 when spatial && minSide >= 2 => LayerSpec.MaxPool2d(2),
            2 when spatial => LayerSpec.Flatten(),
            3 when !spatial => LayerSpec.Linear((int)shape[^1], random.Next(1, 20), bias: random.Next(2) == 0),
            4 => LayerSpec.Dropout(random.NextDouble()),
            _ => random.Next(2) == 0 ? LayerSpec.ReLU() : LayerSpec.Sigmoid(),
        };
    }

    private static IReadOnlyList<long> ShapeAfter(LayerSpec layer, long[] shape) =>
        LayerStackAnalyzer.Analyze([layer], shape).OutputShape!;
}
