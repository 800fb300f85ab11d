using System.Globalization;
using System.Reflection;
using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs;
using LabDashboard.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>Engine texts are translated by their key, never by matching their English; every key the engine uses has both entries.</summary>
public class EngineTextKeysTests : LabComponentTest
{
    [Fact]
    public void Every_key_the_engine_uses_has_its_English_and_a_Korean_entry()
    {
        Assert.NotEmpty(Templates());
        Assert.Contains(Keys(), k => k.Key == "iris.setting.seed");

        Assert.Empty(Missing(Keys()));
    }

    [Fact]
    public void The_key_check_reports_a_key_without_entries_and_an_entry_whose_English_drifted()
    {
        (string Key, string English)[] keys = [("nobody.log.nothing", "Nothing {0}."), ("run.started", "Started on {0}.")];

        Assert.Equal(["nobody.log.nothing: no English entry", "nobody.log.nothing: no Korean entry", "run.started: English entry is 'Running on {0}.'"], Missing(keys));
    }

    [Fact]
    public void A_check_detail_is_translated_by_its_key_even_when_the_English_changed()
    {
        using var _ = UiCulture.Use("ko");
        var drifted = new LocalizableText("iris.check.testAcc.detail", "accuracy on the test rows: {0}, bar {1}", ["0.912", "0.70"]);

        Assert.Equal("테스트 정확도 0.912 (기준 ≥ 0.70)", Services.GetRequiredService<EngineLocalizer>()[drifted]);
    }

    [Fact]
    public void Nested_engine_text_is_translated_by_its_own_key_after_a_JSON_round_trip()
    {
        using var _ = UiCulture.Use("ko");
        var text = DataTexts.Using.Format(DataTexts.FromIdx.Format("Fashion-MNIST", "/data/fashion-mnist"));

        var stored = JsonSerializer.Deserialize<LocalizableText>(JsonSerializer.Serialize(text, LabJson.Options), LabJson.Options)!;

        Assert.Equal("Using Fashion-MNIST from the IDX files in /data/fashion-mnist.", stored.ToString());
        Assert.Equal("/data/fashion-mnist의 IDX 파일에서 읽은 Fashion-MNIST 사용.", Services.GetRequiredService<EngineLocalizer>()[stored]);
    }

    [Fact]
    public void Text_without_a_key_stays_in_English_even_when_a_template_would_match_it()
    {
        using var _ = UiCulture.Use("ko");
        var localizer = Services.GetRequiredService<EngineLocalizer>();
        var stored = new CheckResult("testAcc", true, "test accuracy 0.912 (needs ≥ 0.70)");
        var unknown = new LocalizableText("nobody.check.nothing", "left as {0}", ["is"]);

        Assert.Equal("test accuracy 0.912 (needs ≥ 0.70)", localizer.DetailOf(stored));
        Assert.Equal("Waiting for the device: 2 ahead in the queue.", localizer["Waiting for the device: 2 ahead in the queue."]);
        Assert.Equal("left as is", localizer[unknown]);
    }

    /// <summary>Every <see cref="TextTemplate"/> the engine declares.</summary>
    internal static IReadOnlyList<TextTemplate> Templates() =>
        typeof(ProblemCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(TextTemplate))
            .Select(f => (TextTemplate)f.GetValue(null)!)
            .ToList();

    /// <summary>Every key the engine uses with its English: the templates and the eight problems' titles, summaries and labels.</summary>
    internal static IReadOnlyList<(string Key, string English)> Keys() =>
        [.. Templates().Select(t => (t.Key, t.Template)), .. ExamCatalog().All.SelectMany(p => DescriptorKeys(p.Descriptor))];

    private static IEnumerable<(string Key, string English)> DescriptorKeys(ProblemDescriptor d)
    {
        yield return (d.TitleKey, d.Title);
        yield return (d.SummaryKey, d.Summary);
        foreach (var s in d.Settings)
        {
            yield return (s.TextKey!, s.Label);
            if (s.Help is { } help) yield return (s.TextKey + ".help", help);
        }
        foreach (var m in d.Metrics.Concat(d.Results))
        {
            yield return (m.TextKey!, m.Label);
            if (m.Description is { } description) yield return (m.TextKey + ".description", description);
        }
    }

    /// <summary>What is wrong with the resources for <paramref name="keys"/>: a key without an entry, or an English entry other than the engine's.</summary>
    private static List<string> Missing(IEnumerable<(string Key, string English)> keys)
    {
        var english = ResourceFilesTests.Entries(nameof(EngineText), CultureInfo.InvariantCulture);
        var korean = ResourceFilesTests.Entries(nameof(EngineText), CultureInfo.GetCultureInfo("ko"));
        return [.. keys.SelectMany(k => Problems(k, english, korean))];
    }

    private static IEnumerable<string> Problems((string Key, string English) key, Dictionary<string, string> english, Dictionary<string, string> korean)
    {
        if (!english.TryGetValue(key.Key, out var value)) yield return $"{key.Key}: no English entry";
        else if (value != key.English) yield return $"{key.Key}: English entry is '{value}'";
        if (!korean.ContainsKey(key.Key)) yield return $"{key.Key}: no Korean entry";
    }

    private static ProblemCatalog ExamCatalog()
    {
        using var services = new ServiceCollection().AddExamProblems().AddSingleton<ProblemCatalog>().BuildServiceProvider();
        return services.GetRequiredService<ProblemCatalog>();
    }
}
