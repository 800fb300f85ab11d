using Bunit;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Shared;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>Text written by the engine in English reaches the page in the UI language.</summary>
public class EngineTextRenderingTests : LabComponentTest
{
    private static readonly ProblemDescriptor ExpMle = new ExpMleProblem().Descriptor;

    [Theory]
    [InlineData("en", "3. Exponential MLE by gradient descent", "the answer is the sample mean x̄")]
    [InlineData("ko", "3. 경사 하강법으로 구하는 지수분포 MLE", "정답은 표본 평균 x̄입니다")]
    public void ProblemHeader_shows_the_engine_title_and_summary_in_the_UI_language(string culture, string title, string summary)
    {
        using var _ = UiCulture.Use(culture);

        var header = Render<ProblemHeader>(p => p.Add(h => h.Problem, ExpMle));

        Assert.Equal(title, header.Find("h1").TextContent.Trim());
        Assert.Contains(summary, header.Markup);
    }

    [Theory]
    [InlineData("en", "Learning rate", "The mean of the distribution the sample is drawn from.")]
    [InlineData("ko", "학습률", "표본을 뽑는 분포의 평균입니다.")]
    public void SettingsForm_labels_and_explains_engine_settings_in_the_UI_language(string culture, string label, string help)
    {
        using var _ = UiCulture.Use(culture);

        var form = Render<SettingsForm>(p => p.Add(f => f.Schema, ExpMle.Settings));

        Assert.Equal(label, form.Find("label[for=setting-lr]").TextContent.Trim());
        Assert.Contains(help, form.Markup);
    }

    [Theory]
    [InlineData("en", "'n': 5 is below the minimum 10")]
    [InlineData("ko", "'n': 5은(는) 최솟값 10보다 작습니다")]
    public void SettingsForm_words_validation_errors_in_the_UI_language(string culture, string error)
    {
        using var _ = UiCulture.Use(culture);
        var values = Web.Runs.SettingsValues.Defaults(ExpMle.Settings);
        values["n"] = 5;

        var form = Render<SettingsForm>(p => p.Add(f => f.Schema, ExpMle.Settings).Add(f => f.Values, values));

        Assert.Contains(error, form.Markup);
    }

    private const string GanCheckDetail = "The classifier gives the final grid a mean probability of 85% of being a 8 (goal ≥ 50%); 10% of its samples reach p ≥ 0.9. Best grid: epoch 300 (100%).";
    private const string OldGanCheckDetail = "62% of the final grid is called a 8 with p ≥ 0.9 (goal ≥ 50%).";

    [Theory]
    [InlineData("en", "Passed: Samples look like the digit", GanCheckDetail)]
    [InlineData("ko", "통과: 샘플이 그 숫자처럼 보임", "분류기가 최종 격자에 준 8일 평균 확률은 85%입니다 (목표 ≥ 50%). 샘플의 10%가 p ≥ 0.9에 도달했습니다. 최고 격자: 300 에포크 (100%).")]
    public void AnswerChecks_translate_a_keyed_check_and_keep_the_engine_numbers(string culture, string name, string detail)
    {
        using var _ = UiCulture.Use(culture);
        var (nameText, detailText) = (GanTexts.DigitCheck.Format(), GanTexts.DigitDetail.Format("85%", 8, "50%", "10%", 0.9, 300, "100%"));
        CheckResult[] checks = [new(nameText.ToString(), true, detailText.ToString()) { NameText = nameText, DetailText = detailText }];

        var view = Render<AnswerChecks>(p => p.Add(c => c.Checks, checks));

        Assert.Equal(GanCheckDetail, checks[0].Detail);
        Assert.Contains(name, view.Find("[data-testid=check]").TextContent);
        Assert.Contains(detail, view.Find("[data-testid=check]").TextContent);
    }

    [Fact]
    public void A_check_stored_without_keys_shows_its_name_and_detail_as_the_engine_wrote_them()
    {
        using var _ = UiCulture.Use("ko");
        CheckResult[] checks = [new("Samples look like the digit", true, OldGanCheckDetail)];

        var view = Render<AnswerChecks>(p => p.Add(c => c.Checks, checks));

        Assert.Contains("통과: Samples look like the digit", view.Find("[data-testid=check]").TextContent);
        Assert.Contains(OldGanCheckDetail, view.Find("[data-testid=check]").TextContent);
    }

    [Fact]
    public void Text_without_a_translation_stays_as_the_engine_wrote_it()
    {
        using var _ = UiCulture.Use("ko");
        CheckResult[] checks = [new("Something new", false, "a sentence nobody translated yet")];

        var view = Render<AnswerChecks>(p => p.Add(c => c.Checks, checks));

        Assert.Contains("실패: Something new", view.Markup);
        Assert.Contains("a sentence nobody translated yet", view.Markup);
    }

    [Theory]
    [InlineData("en", "Final λ")]
    [InlineData("ko", "최종 λ")]
    public void ResultsTable_labels_results_in_the_UI_language(string culture, string label)
    {
        using var _ = UiCulture.Use(culture);

        var table = Render<ResultsTable>(p => p.Add(t => t.Results, new Dictionary<string, double> { ["lambda"] = 2.03 }).Add(t => t.Specs, ExpMle.Results));

        Assert.Equal(label, table.Find("tbody td").TextContent);
    }
}
