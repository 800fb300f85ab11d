using Bunit;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Web.Components.Problems.ParamCount;

namespace LabDashboard.Tests.Components.Problems.ParamCount;

public class ExamPairsQuizTests : LabComponentTest
{
    private IRenderedComponent<ExamPairsQuiz> RenderQuiz() =>
        Render<ExamPairsQuiz>(p => p.Add(q => q.Pairs, PairCounter.All));

    private static IReadOnlyList<string> Totals(IRenderedComponent<ExamPairsQuiz> cut, int pair) =>
        cut.FindAll($"section[data-pair='{pair}'] td[data-total]").Select(td => td.GetAttribute("data-total")!).ToList();

    [Fact]
    public void Without_the_quiz_every_total_and_answer_is_shown()
    {
        var cut = RenderQuiz();
        Assert.Equal(["10", "11"], Totals(cut, 1));
        Assert.Equal(["61", "61"], Totals(cut, 2));
        Assert.Equal(["10", "26"], Totals(cut, 3));
        Assert.Equal(["20", "10"], Totals(cut, 4));
        Assert.Equal(["20", "20"], Totals(cut, 5));
        Assert.Contains("Answer: net2", cut.Find("section[data-pair='1']").TextContent);
        Assert.Empty(cut.FindAll("button[aria-label^='Pair 1:']"));
    }

    [Fact]
    public void The_quiz_hides_counts_until_a_pick_then_marks_it()
    {
        var cut = RenderQuiz();
        cut.Find("input[aria-label='Quiz mode']").Change(true);
        Assert.Empty(Totals(cut, 1));
        Assert.DoesNotContain("Answer:", cut.Markup);

        cut.Find("button[aria-label='Pair 1: net2']").Click();
        cut.Find("button[aria-label='Pair 3: conv1']").Click();

        Assert.Equal("correct", cut.Find("section[data-pair='1'] [data-mark]").GetAttribute("data-mark"));
        Assert.Equal(["10", "11"], Totals(cut, 1));
        Assert.Equal("wrong", cut.Find("section[data-pair='3'] [data-mark]").GetAttribute("data-mark"));
        Assert.Contains("the answer is conv2", cut.Find("section[data-pair='3']").TextContent);
        Assert.Empty(Totals(cut, 2));
        Assert.Contains("Score: 1 / 2 answered of 5", cut.Find(".score").TextContent);
    }

    [Fact]
    public void Show_answers_reveals_every_pair_and_marks_the_unanswered()
    {
        var cut = RenderQuiz();
        cut.Find("input[aria-label='Quiz mode']").Change(true);
        cut.Find("button[aria-label='Pair 2: same']").Click();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Show answers").Click();

        Assert.Equal("correct", cut.Find("section[data-pair='2'] [data-mark]").GetAttribute("data-mark"));
        Assert.All(new[] { 1, 3, 4, 5 }, pair =>
            Assert.Equal("unanswered", cut.Find($"section[data-pair='{pair}'] [data-mark]").GetAttribute("data-mark")));
        Assert.Equal(["20", "20"], Totals(cut, 5));
    }

    [Fact]
    public void The_first_pick_counts()
    {
        var cut = RenderQuiz();
        cut.Find("input[aria-label='Quiz mode']").Change(true);
        cut.Find("button[aria-label='Pair 4: conv2']").Click();
        Assert.True(cut.Find("button[aria-label='Pair 4: conv1']").HasAttribute("disabled"));
        Assert.Equal("wrong", cut.Find("section[data-pair='4'] [data-mark]").GetAttribute("data-mark"));
    }
}
