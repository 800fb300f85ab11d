using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using Microsoft.Extensions.Localization;

namespace LabDashboard.Web;

/// <summary>
/// Shows engine text in the UI language, always by its key: keyed text (<see cref="LocalizableText"/>: run
/// messages and errors, check names and details, captions) gets its key's translation with its arguments filled
/// in; descriptor titles, summaries and labels their <c>&lt;problem id&gt;.…</c> keys. Text without a key (runs
/// stored before keys) or without a translation is shown in the engine's English; English is never matched.
/// </summary>
public sealed class EngineLocalizer(IStringLocalizer<EngineText> localizer)
{
    /// <summary>
    /// The entry named <paramref name="word"/> exactly, or the word itself: only for the CAM's class labels
    /// (<c>dog</c>, <c>cat</c>), which the engine hands over as bare ids.
    /// </summary>
    public string this[string word] => Lookup(word) ?? word;

    /// <summary>
    /// <paramref name="text"/> in the UI language: its key's translation with the arguments filled in (a nested
    /// engine text in its own key's translation), else the engine's English.
    /// </summary>
    public string this[LocalizableText text]
    {
        get
        {
            if (Lookup(text.Key) is not { } template) return text.ToString();
            var args = text.Args.Select((a, i) => text.Nested?.GetValueOrDefault(i) is { } nested ? this[nested] : a);
            return string.Format(CultureInfo.InvariantCulture, template, [.. args]);
        }
    }

    /// <summary>Keyed text in the UI language when there is a key (newer runs), else the stored English.</summary>
    [return: NotNullIfNotNull(nameof(english))]
    public string? Of(LocalizableText? text, string? english) => text is null ? english : this[text];

    /// <summary>A check's name in the UI language (by key; older runs in their English).</summary>
    public string NameOf(CheckResult check) => Of(check.NameText, check.Name);

    /// <summary>A check's detail in the UI language (by key; older runs in their English).</summary>
    public string DetailOf(CheckResult check) => Of(check.DetailText, check.Detail);

    /// <summary>A problem's title.</summary>
    public string TitleOf(ProblemDescriptor problem) => Keyed(problem.TitleKey, problem.Title);

    /// <summary>The title of the problem <paramref name="problemId"/>, stored in English as <paramref name="english"/>.</summary>
    public string TitleOf(string problemId, string english) => Keyed(ProblemDescriptor.TitleKeyOf(problemId), english);

    /// <summary>A problem's summary.</summary>
    public string SummaryOf(ProblemDescriptor problem) => Keyed(problem.SummaryKey, problem.Summary);

    /// <summary>A setting's label.</summary>
    public string LabelOf(SettingSpec setting) => Keyed(setting.TextKey, setting.Label);

    /// <summary>A setting's help, or null.</summary>
    public string? HelpOf(SettingSpec setting) => setting.Help is null ? null : Keyed(setting.TextKey + ".help", setting.Help);

    /// <summary>A metric's or result's label.</summary>
    public string LabelOf(MetricSpec metric) => Keyed(metric.TextKey, metric.Label);

    /// <summary>A metric's or result's description, or null.</summary>
    public string? DescriptionOf(MetricSpec metric) => metric.Description is null ? null : Keyed(metric.TextKey + ".description", metric.Description);

    private string Keyed(string? key, string english) => key is not null && Lookup(key) is { } translated ? translated : english;

    private string? Lookup(string key) => localizer[key] is { ResourceNotFound: false } found ? found.Value : null;
}
