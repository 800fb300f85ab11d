using System.Text.RegularExpressions;
using LabDashboard.Engine;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>Every word the engine's problems show (titles, settings, metric labels, exam pair reasons) has a Korean translation.</summary>
public partial class EngineTextCoverageTests : LabComponentTest
{
    [Fact]
    public void Every_engine_descriptor_text_has_a_Korean_translation()
    {
        using var _ = UiCulture.Use("ko");
        var localizer = Services.GetRequiredService<EngineLocalizer>();

        var missing = EngineTexts().Where(t => localizer.Find(t) is null).ToList();

        Assert.True(missing.Count == 0, "Add to Resources/EngineText(.ko).resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void English_engine_text_comes_back_unchanged()
    {
        using var _ = UiCulture.Use("en");
        var localizer = Services.GetRequiredService<EngineLocalizer>();

        Assert.All(EngineTexts(), t => Assert.Equal(t, localizer[t]));
    }

    /// <summary>Texts with a word in them; pure notation such as <c>λ</c> or <c>t(40 m)</c> stays as it is.</summary>
    private static IEnumerable<string> EngineTexts() =>
        ExamCatalog().All
            .Select(p => p.Descriptor)
            .SelectMany(DescriptorTexts)
            .Concat(ExamPairs.All.Select(p => p.Why))
            .OfType<string>()
            .Where(t => Word().IsMatch(t))
            .Distinct();

    private static ProblemCatalog ExamCatalog()
    {
        using var services = new ServiceCollection().AddExamProblems().AddSingleton<ProblemCatalog>().BuildServiceProvider();
        return services.GetRequiredService<ProblemCatalog>();
    }

    private static IEnumerable<string?> DescriptorTexts(ProblemDescriptor d) =>
        new[] { d.Title, d.Summary }
            .Concat(d.Settings.SelectMany(s => new[] { s.Label, s.Help }))
            .Concat(d.Metrics.Concat(d.Results).SelectMany(m => new[] { m.Label, m.Description }));

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Word();
}
