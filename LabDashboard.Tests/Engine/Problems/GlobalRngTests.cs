using LabDashboard.Engine.Problems.ConvEinsum;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Engine.Training;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems;

[Collection(SeededTorchCollection.Name)]
public class GlobalRngTests
{
    [Fact]
    public void The_einsum_walkthrough_leaves_the_global_RNG_alone() =>
        AssertGlobalRngUntouched(() => PixelwiseLinear.Walkthrough(43052));

    [Fact]
    public void The_merged_conv_leaves_the_global_RNG_alone() =>
        AssertGlobalRngUntouched(() => MergedConv.Apply(SyntheticImages.Square(), KernelPresets.ExamHorizontal.Kernel, KernelPresets.ExamVertical.Kernel));

    [Fact]
    public void Counting_parameters_leaves_the_global_RNG_alone() =>
        AssertGlobalRngUntouched(() => LayerStackAnalyzer.Analyze([LayerSpec.Conv2d(3, 8, 3), LayerSpec.Flatten(), LayerSpec.Linear(8 * 26 * 26, 10)], [1, 3, 28, 28]));

    [Fact]
    public void Shuffled_batches_leave_the_global_RNG_alone() =>
        AssertGlobalRngUntouched(() =>
        {
            using var batches = new ShuffledBatches(100, 10, seed: 1);
            foreach (var batch in batches.NextEpoch(torch.CPU)) batch.Rows();
        });

    [Fact]
    public void Building_a_module_on_the_CPU_does_draw_from_the_global_RNG()
    {
        // Proves the check above can fail.
        var before = RngState();
        using (var linear = torch.nn.Linear(3, 1)) { }
        Assert.False(before.SequenceEqual(RngState()));
    }

    private static void AssertGlobalRngUntouched(Action action)
    {
        torch.random.manual_seed(7);
        var before = RngState();
        action();
        Assert.True(before.SequenceEqual(RngState()), "the global RNG state changed");
    }

    private static byte[] RngState()
    {
        using var state = torch.random.get_rng_state();
        return state.data<byte>().ToArray();
    }
}
