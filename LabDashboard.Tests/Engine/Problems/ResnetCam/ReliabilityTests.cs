using LabDashboard.Engine.Problems.ResnetCam;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public class ReliabilityTests
{
    [Fact]
    public void Answers_are_binned_by_the_confidence_of_the_class_chosen_with_means_for_right_and_wrong_answers()
    {
        // dog 0.953 (right), dog 0.953 for a cat (wrong), dog 0.525 (right), cat 0.525 (right)
        var reliability = ReliabilityData.Of([3f, 3f, 0.1f, -0.1f], [1, 0, 1, 0]);

        var high = 1 / (1 + Math.Exp(-3));
        var low = 1 / (1 + Math.Exp(-0.1));
        Assert.Equal((3, 1), (reliability.Right, reliability.Wrong));
        Assert.Equal((high + 2 * low) / 3, reliability.MeanConfidenceRight!.Value, 6);
        Assert.Equal(high, reliability.MeanConfidenceWrong!.Value, 6);
        Assert.Equal([2, 0, 0, 0, 2], reliability.Bins.Select(b => b.Count));
        Assert.Equal((1.0, 0.5), (reliability.Bins[0].Accuracy, reliability.Bins[4].Accuracy));
        Assert.Equal((0.5, 1.0), (reliability.Bins[0].Lower, reliability.Bins[4].Upper));
        Assert.Equal(0.5 * (1 - low) + 0.5 * (high - 0.5), reliability.ExpectedCalibrationError, 6);
    }

    [Fact]
    public void Without_wrong_answers_their_mean_confidence_is_absent_not_zero()
    {
        var reliability = ReliabilityData.Of([5f, -5f], [1, 0]);

        Assert.Null(reliability.MeanConfidenceWrong);
        Assert.Equal(0, reliability.Wrong);
    }
}
