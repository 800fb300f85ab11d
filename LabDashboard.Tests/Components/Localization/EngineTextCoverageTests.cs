using LabDashboard.Engine;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>In English every engine text is shown as the engine wrote it (Korean coverage: <see cref="EngineTextKeysTests"/>).</summary>
public class EngineTextCoverageTests : LabComponentTest
{
    [Fact]
    public void English_engine_text_comes_back_unchanged()
    {
        using var _ = UiCulture.Use("en");
        var localizer = Services.GetRequiredService<EngineLocalizer>();

        Assert.All(ExamCatalog().All.Select(p => p.Descriptor), d =>
        {
            Assert.Equal(d.Title, localizer.TitleOf(d));
            Assert.Equal(d.Summary, localizer.SummaryOf(d));
            Assert.All(d.Settings, s => Assert.Equal((s.Label, s.Help), (localizer.LabelOf(s), localizer.HelpOf(s))));
            Assert.All(d.Metrics.Concat(d.Results), m => Assert.Equal((m.Label, m.Description), (localizer.LabelOf(m), localizer.DescriptionOf(m))));
        });
        Assert.All(ExamPairs.All.Select(p => p.Why), t => Assert.Equal(t.ToString(), localizer[t]));
    }

    private static ProblemCatalog ExamCatalog()
    {
        using var services = new ServiceCollection().AddExamProblems().AddSingleton<ProblemCatalog>().BuildServiceProvider();
        return services.GetRequiredService<ProblemCatalog>();
    }
}
