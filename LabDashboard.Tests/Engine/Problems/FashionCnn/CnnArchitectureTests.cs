using System.Text.Json;
using LabDashboard.Engine.Problems.FashionCnn;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Problems.FashionCnn;

public class CnnArchitectureTests
{
    [Fact]
    public void Reference_cnn_flattens_to_1024_and_has_the_lecture_parameter_count()
    {
        using var model = CnnModel.Build(CnnArchitecture.Reference);

        Assert.Equal([1024], CnnArchitecture.Reference.LinearInputs());
        Assert.Equal(1664 + 102464 + 10250, model.parameters().Sum(p => p.numel()));
        Assert.Equal(["0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias"], CnnModel.Weights(model).Select(w => w.Name));
    }

    [Fact]
    public void The_size_of_a_stack_counts_what_torch_builds_and_every_layers_output()
    {
        using var model = CnnModel.Build(CnnArchitecture.Reference);

        Assert.Equal(model.parameters().Sum(p => p.numel()), CnnArchitecture.Reference.Parameters);
        // conv 64×24×24, relu, pool 64×12×12, conv 64×8×8, relu, pool 64×4×4, flatten, linear 10
        Assert.Equal(2 * 36864 + 9216 + 2 * 4096 + 2 * 1024 + 10, CnnArchitecture.Reference.ActivationsPerImage);
    }

    [Theory]
    [InlineData("conv(4096,1) relu maxpool(28) flatten linear(10)", "values per image")]
    [InlineData("conv(64,1) flatten linear(4096) relu linear(10)", "parameters")]
    public void A_stack_too_large_for_a_shared_server_is_refused_saying_why(string layers, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CnnArchitecture.Parse(layers));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""{"batchSize": 8192}""", true)]
    [InlineData("""{"architecture": "custom", "layers": "conv(512,3) relu flatten linear(10)", "batchSize": 1024}""", true)]
    [InlineData("""{"architecture": "custom", "layers": "conv(512,3) relu flatten linear(10)", "batchSize": 2048}""", false)]
    public void The_reference_fits_at_the_largest_batch_and_a_wide_stack_only_at_a_smaller_one(string settings, bool fits)
    {
        var bound = SettingsBinder.Bind(FashionSettings.Schema, JsonDocument.Parse(settings).RootElement);

        Assert.Equal(fits, FashionSettings.BatchMemory(bound) is null);
    }

    [Fact]
    public void Small_cnn_flattens_to_2304()
    {
        using var model = CnnModel.Build(CnnArchitecture.Small);

        Assert.Equal([2304], CnnArchitecture.Small.LinearInputs());
        Assert.Equal(416 + 23050, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void An_edited_stack_is_read_with_arrows_and_inferred_widths()
    {
        var architecture = CnnArchitecture.Parse("conv(8,3) → relu → maxpool(2); dropout(0.25), flatten → linear(32) → relu → linear(10)");

        Assert.Equal("conv(8,3) relu maxpool(2) dropout(0.25) flatten linear(32) relu linear(10)", architecture.ToString());
        Assert.Equal([8 * 13 * 13, 32], architecture.LinearInputs());
    }

    [Fact]
    public void A_stack_without_a_conv_layer_is_refused_saying_why()
    {
        var error = Assert.Throws<FormatException>(() => CnnArchitecture.Parse("flatten linear(10)"));
        Assert.Contains("must contain a Conv2d", error.Message);
    }

    [Theory]
    [InlineData("conv(16,5) relu flatten linear(7)", "10 outputs")]
    [InlineData("conv(16,5) softmax flatten linear(10)", "Unknown layer")]
    [InlineData("conv(16,29) flatten linear(10)", "below 1×1")]
    [InlineData("conv(16,5) linear(10)", "flatten")]
    public void Invalid_stacks_are_refused_with_a_reason(string text, string reason)
    {
        Assert.Contains(reason, Assert.Throws<FormatException>(() => CnnArchitecture.Parse(text)).Message);
    }

    [Fact]
    public void Functional_forward_equals_the_module_forward()
    {
        using var model = CnnModel.Build(CnnArchitecture.Reference);
        model.eval();
        using var images = TorchSharp.torch.rand(3, 1, 28, 28);
        var weights = CnnModel.Weights(model).ToDictionary(w => w.Name, w => w.Tensor);

        using var expected = model.forward(images);
        using var actual = CnnFunctional.Forward(CnnArchitecture.Reference, weights, images);

        Assert.True(expected.allclose(actual, rtol: 1e-5, atol: 1e-6));
    }
}
