using Bunit;
using LabDashboard.Engine;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine;
using LabDashboard.Web.Components.Pages.Problems;
using LabDashboard.Web.Components.Problems.ParamCount;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>Problems 1 and 2 have their own pages; both speak Korean under <c>ko</c> and stay English under <c>en</c>.</summary>
public class ProblemPagesInKoreanTests : LabComponentTest
{
    private readonly TempFolder _state = new();

    public ProblemPagesInKoreanTests()
    {
        Services.AddSingleton(new LabPaths([], _state.Path));
        Services.AddExamProblems().AddSingleton<ProblemCatalog>();
    }

    [Fact]
    public void ConvEinsum_page_in_Korean()
    {
        using var _ = UiCulture.Use("ko");

        var page = Render<ConvEinsum>();

        Assert.Equal("1 · 에지 커널과 픽셀별 einsum", page.Find("h1").TextContent.Trim());
        Assert.Contains("여기서는 아무것도 학습하지 않습니다.", page.Markup);
        Assert.Contains("병합된 가중치", page.Markup);
        Assert.Contains("두 채널 모두 개별 1→1 합성곱 두 개와 정확히 같습니다", page.Markup);
        Assert.Contains("시험: 수평 에지", page.Markup);
        Assert.Contains("각 이미지 o, 출력 k, 픽셀 (i, j)마다 c에 대해 합산", page.Markup);
        Assert.Contains("<code>Conv2d(1, 2, kernel_size=4, bias=False)</code>", page.Markup);
        Assert.NotNull(page.Find("[aria-label='채널 0 1행 1열']"));
    }

    [Fact]
    public void ConvEinsum_page_in_English_is_unchanged()
    {
        using var _ = UiCulture.Use("en");

        var page = Render<ConvEinsum>();

        Assert.Equal("1 · Edge kernels and pixel-wise einsum", page.Find("h1").TextContent.Trim());
        Assert.Contains("Both channels equal the two separate 1→1 convs exactly (max |diff| = 0).", page.Markup);
        Assert.NotNull(page.Find("[aria-label='Channel 0 row 1 column 1']"));
    }

    [Fact]
    public void ParamCount_page_in_Korean()
    {
        using var _ = UiCulture.Use("ko");

        var page = Render<ParamCount>();

        Assert.Equal("2 · 매개변수 세기", page.Find("h1").TextContent.Trim());
        Assert.Contains("시험의 다섯 쌍", page.Markup);
        Assert.Contains("쌍 1: 어느 쪽의 학습 가능한 매개변수가 더 많을까요?", page.Markup);
        Assert.Contains("정답: 같음", page.Find("section[data-pair='2']").TextContent);
        Assert.Contains("편향은 출력마다 매개변수를 하나씩 더합니다", page.Markup);
        Assert.Contains("학습 가능한 매개변수 합계", page.Markup);
    }

    [Fact]
    public void ParamCount_quiz_marks_answers_in_Korean()
    {
        using var _ = UiCulture.Use("ko");
        var quiz = Render<ExamPairsQuiz>(p => p.Add(q => q.Pairs, PairCounter.All));

        quiz.Find("input[aria-label='퀴즈 모드']").Change(true);
        quiz.Find("button[aria-label='쌍 1: net1']").Click();

        Assert.Contains("✗ 오답 — 정답은 net2입니다.", quiz.Find("section[data-pair='1']").TextContent);
        Assert.Contains("점수: 0 / 1", quiz.Markup);
    }

    protected override void Dispose(bool disposing)
    {
        _state.Dispose();
        base.Dispose(disposing);
    }
}
