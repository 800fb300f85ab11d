using System.Globalization;
using System.Reflection;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs;
using LabDashboard.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>Engine texts with a key (check names and details) are translated by their key, not by matching their English.</summary>
public class EngineTextKeysTests : LabComponentTest
{
    [Fact]
    public void Every_engine_text_template_has_its_English_and_a_Korean_entry()
    {
        var english = ResourceFilesTests.Entries(nameof(EngineText), CultureInfo.InvariantCulture);
        var korean = ResourceFilesTests.Entries(nameof(EngineText), CultureInfo.GetCultureInfo("ko"));

        Assert.NotEmpty(Templates());
        Assert.All(Templates(), t =>
        {
            Assert.Equal(t.Template, english.GetValueOrDefault(t.Key));
            Assert.True(korean.ContainsKey(t.Key), $"no Korean for {t.Key}");
        });
    }

    [Fact]
    public void A_check_detail_is_translated_by_its_key_even_when_the_English_changed()
    {
        using var _ = UiCulture.Use("ko");
        var drifted = new LocalizableText("iris.check.testAcc.detail", "accuracy on the test rows: {0}, bar {1}", ["0.912", "0.70"]);

        Assert.Equal("테스트 정확도 0.912 (기준 ≥ 0.70)", Services.GetRequiredService<EngineLocalizer>()[drifted]);
    }

    [Fact]
    public void A_check_without_a_key_falls_back_to_its_English_and_a_text_without_a_translation_stays_English()
    {
        using var _ = UiCulture.Use("ko");
        var localizer = Services.GetRequiredService<EngineLocalizer>();
        var stored = new CheckResult("testAcc", true, "test accuracy 0.912 (needs ≥ 0.70)");
        var unknown = new LocalizableText("nobody.check.nothing", "left as {0}", ["is"]);

        Assert.Equal("테스트 정확도 0.912 (기준 ≥ 0.70)", localizer.DetailOf(stored));
        Assert.Equal("left as is", localizer[unknown]);
    }

    /// <summary>Every <see cref="TextTemplate"/> the engine declares.</summary>
    internal static IReadOnlyList<TextTemplate> Templates() =>
        typeof(ProblemCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(TextTemplate))
            .Select(f => (TextTemplate)f.GetValue(null)!)
            .ToList();
}
