using LabDashboard.Engine.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Training;

public class OptimizerSpecTests
{
    [Theory]
    [InlineData(OptimizerSpec.Sgd, typeof(SGD))]
    [InlineData(OptimizerSpec.Adam, typeof(Adam))]
    public void Names_choose_the_optimizer(string name, Type expected)
    {
        using var weight = new Parameter(ones(2));
        using var optimizer = new OptimizerSpec(name, 0.1).Create([weight]);

        Assert.IsType(expected, optimizer);
    }

    [Fact]
    public void An_unknown_name_is_refused()
    {
        using var weight = new Parameter(ones(2));

        var error = Assert.Throws<ArgumentException>(() => new OptimizerSpec("rmsprop", 0.1).Create([weight]));

        Assert.Contains("rmsprop", error.Message);
    }

    [Fact]
    public void Sgd_applies_learning_rate_and_weight_decay()
    {
        using var weight = new Parameter(full(1, 2f));
        using var optimizer = new OptimizerSpec(OptimizerSpec.Sgd, 0.5, WeightDecay: 1).Create([weight]);
        using (var loss = (weight * 3).sum()) loss.backward();

        optimizer.step();

        // w − lr·(∂loss/∂w + decay·w) = 2 − 0.5·(3 + 2)
        Assert.Equal(-0.5f, weight.item<float>(), 6);
    }

    [Fact]
    public void Adam_takes_its_betas()
    {
        using var weight = new Parameter(full(1, 2f));
        using var optimizer = new OptimizerSpec(OptimizerSpec.Adam, 0.1, Beta1: 0.5, Beta2: 0.999).Create([weight]);

        Assert.Equal((0.5, 0.999), Assert.IsType<Adam>(optimizer).Betas);
    }
}
