using LabDashboard.Engine.Problems.FashionCnn;

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
