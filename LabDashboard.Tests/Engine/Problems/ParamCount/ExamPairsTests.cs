using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Tests.Engine;

namespace LabDashboard.Tests.Engine.Problems.ParamCount;

public class ExamPairsTests
{
    [Theory]
    [InlineData(1, 10, 11, "net2")]
    [InlineData(2, 61, 61, "same")]
    [InlineData(3, 10, 26, "conv2")]
    [InlineData(4, 20, 10, "conv1")]
    [InlineData(5, 20, 20, "same")]
    public void Exam_pair_counts_and_answer_come_out_exactly(int number, long first, long second, string answer)
    {
        var counted = PairCounter.Count(ExamPairs.All.Single(p => p.Number == number));
        Assert.Equal((first, second), (counted.FirstTotal, counted.SecondTotal));
        Assert.Equal((first, second), (counted.First.FormulaTotal, counted.Second.FormulaTotal));
        Assert.Equal(answer, counted.Answer);
        Assert.True(counted.AgreesWithExam);
    }

    [Fact]
    public void Pair_2s_Dropout_and_ReLU_rows_count_zero_with_a_reason()
    {
        var net1 = PairCounter.Count(ExamPairs.All[1]).First;
        Assert.Equal([55L, 0, 0, 6], net1.Rows.Select(r => r.TorchCount!.Value));
        Assert.Equal("10·5 + 5 = 55", net1.Rows[0].Formula!.Formula);
        Assert.Contains("Dropout has no parameters", net1.Rows[1].Formula!.Formula);
    }

    [Fact]
    public void Pair_5s_stride_changes_the_output_shape_but_not_the_count()
    {
        var counted = PairCounter.Count(ExamPairs.All[4]);
        Assert.Equal([1L, 2, 26, 26], counted.First.OutputShape);
        Assert.Equal([1L, 2, 13, 13], counted.Second.OutputShape);
        Assert.Equal("1·2·3² + 2 = 20", counted.Second.Rows[0].Formula!.Formula);
    }

    [Fact]
    public void ParamCount_run_reports_the_ten_totals_and_five_passing_checks()
    {
        var (context, _) = RecordingReporter.Run(new ParamCountProblem());
        Assert.Equal(5, context.Checks.Count);
        Assert.All(context.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(10, context.Results["pair1Net1"]);
        Assert.Equal(11, context.Results["pair1Net2"]);
        Assert.Equal(26, context.Results["pair3Conv2"]);
        Assert.Equal(10, context.Results.Count);
        Assert.Equal(context.Results.Keys.Order(), new ParamCountProblem().Descriptor.Results.Select(r => r.Name).Order());
    }
}
