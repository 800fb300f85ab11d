using Bunit;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Components.Localization;
using LabDashboard.Tests.Engine;
using LabDashboard.Web.Components.Exam;
using LabDashboard.Web.Exam;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Exam;

/// <summary>The exam sheet's parts: checks titled by the problems' labels, and every text in Korean under <c>ko</c>.</summary>
public class ExamSheetComponentsTests : LabComponentTest
{
    private readonly TempFolder _state = new();

    public ExamSheetComponentsTests()
    {
        var paths = new LabPaths([_state.Path], _state.Path);
        Services.AddSingleton(paths);
        Services.AddSingleton(new CamService(paths));
        Services.AddSingleton<IRunService>(new FakeRunService(new IrisProblem().Descriptor, new ResnetCamProblem().Descriptor));
    }

    [Theory]
    [InlineData("en", "Passed: Test accuracy", "Passed: Held-out accuracy ≥ 0.90")]
    [InlineData("ko", "통과: 테스트 정확도", "통과: 홀드아웃 정확도 ≥ 0.90")]
    public void Checks_are_titled_by_the_results_they_check(string culture, string iris, string resnet)
    {
        using var _ = UiCulture.Use(culture);

        var irisQuestion = Render<ExamQuestionView>(p => p.Add(q => q.Question, Question(5, "iris", Check(IrisTexts.TestAccCheck.Format()), new AccuracyAnswer(0.9667))));
        var resnetQuestion = Render<ExamQuestionView>(p => p.Add(q => q.Question, Question(7, "resnet-cam", Check(ResnetCamTexts.TestAccCheck.Format()), null)));

        Assert.Equal(iris, irisQuestion.Find("[data-testid=check] .mud-typography-body1").TextContent.Trim());
        Assert.Equal(resnet, resnetQuestion.Find("[data-testid=check] .mud-typography-body1").TextContent.Trim());
    }

    [Fact]
    public void The_sheet_speaks_Korean()
    {
        using var _ = UiCulture.Use("ko");
        var sheet = new ExamSheet("0123456789ab", DateTimeOffset.UnixEpoch, Complete: true, Passed: true, ExamSettings: true, [],
            [Question(5, "iris", Check(IrisTexts.TestAccCheck.Format()), new AccuracyAnswer(0.9667))],
            new ExamMachine("cpu", "2", "Linux", "0.107", "2.7", "10.0"), TotalSeconds: 177.8);

        var summary = Render<ExamSummary>(p => p.Add(s => s.Sheet, sheet));
        var question = Render<ExamQuestionView>(p => p.Add(q => q.Question, sheet.Questions[0]));

        Assert.Contains("8문제 모두 답했고 모든 확인을 통과했습니다.", summary.Markup);
        Assert.Contains("총 시간", summary.Markup);
        Assert.Contains("모든 문제가 기본값", summary.Markup);
        Assert.Contains("libtorch 스레드", summary.Markup);
        Assert.Equal("테스트 정확도: 96.7 %", question.Find("[data-testid=exam-answer]").TextContent.Trim());
        Assert.Contains("시드 42", question.Markup);
        Assert.Contains("완료 시점", question.Markup);
        foreach (var english in new[] { "Total time", "Every problem ran", "Threads", "Test accuracy", "done after", "Seed" })
        {
            Assert.DoesNotContain(english, summary.Markup);
            Assert.DoesNotContain(english, question.Markup);
        }
    }

    private static CheckResult Check(LabDashboard.Engine.Problems.Texts.LocalizableText name) =>
        new(name.ToString(), true, "") { NameText = name };

    private static ExamQuestion Question(int number, string problemId, CheckResult check, ExamAnswer? answer) =>
        new(number, problemId, problemId, "r" + number, RunStatus.Completed, answer, [check], "42", 12.5, null);
}
