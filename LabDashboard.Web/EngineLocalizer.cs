using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Localization;

namespace LabDashboard.Web;

/// <summary>
/// Shows engine text in the UI language. Keyed text (<see cref="LocalizableText"/>, e.g. check names and
/// details) is translated by its key with its arguments filled in. Plain English (descriptor titles and
/// labels, progress, logs, errors) is looked up exactly in <see cref="EngineText"/>, else by the first
/// template whose fixed text matches (its numbers and names carried over), else shown as is.
/// </summary>
public sealed partial class EngineLocalizer(IStringLocalizer<EngineText> localizer)
{
    private static IReadOnlyList<Template>? s_templates;

    /// <summary>The translation of <paramref name="english"/>, or <paramref name="english"/> itself.</summary>
    public string this[string english] => Optional(english);

    /// <summary>The indexer for text the engine may leave out (help, errors): null stays null.</summary>
    [return: NotNullIfNotNull(nameof(english))]
    public string? Optional(string? english) => string.IsNullOrEmpty(english) ? english : Find(english) ?? english;

    /// <summary>
    /// <paramref name="text"/> in the UI language: its key's translation with the arguments filled in (each
    /// itself translated when it is engine text), else the engine's English.
    /// </summary>
    public string this[LocalizableText text]
    {
        get
        {
            var template = localizer[text.Key];
            return template.ResourceNotFound
                ? text.ToString()
                : string.Format(CultureInfo.InvariantCulture, template.Value, [.. text.Args.Select(a => Find(a) ?? a)]);
        }
    }

    /// <summary>A check's name in the UI language (by key; older runs by their English).</summary>
    public string NameOf(CheckResult check) => check.NameText is { } name ? this[name] : this[check.Name];

    /// <summary>A check's detail in the UI language (by key; older runs by their English).</summary>
    public string DetailOf(CheckResult check) => check.DetailText is { } detail ? this[detail] : this[check.Detail];

    /// <summary>The translation of <paramref name="english"/>, or null when the resources have none.</summary>
    internal string? Find(string english)
    {
        var exact = localizer[english];
        if (!exact.ResourceNotFound) return exact.Value;
        foreach (var template in s_templates ??= Templates(localizer))
        {
            // A filled-in part may be engine text itself (e.g. "Layer 2 (Linear(5, 1)): expects …").
            if (template.Match(english) is { } args)
                return string.Format(CultureInfo.InvariantCulture, localizer[template.Key].Value, [.. args.Select(a => Find(a) ?? a)]);
        }
        return null;
    }

    /// <summary>The keys with placeholders; longest fixed text first so a specific template wins over a loose one.</summary>
    private static List<Template> Templates(IStringLocalizer localizer) =>
        localizer.GetAllStrings(includeParentCultures: true)
            .Select(s => s.Name)
            .Where(k => Placeholder().IsMatch(k))
            .Distinct(StringComparer.Ordinal)
            .Select(k => new Template(k))
            .OrderByDescending(t => t.FixedLength)
            .ToList();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    private sealed class Template
    {
        private readonly Regex _pattern;
        private readonly int _count;

        public Template(string key)
        {
            Key = key;
            var indexes = Placeholder().Matches(key).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            _count = indexes.Max() + 1;
            FixedLength = Placeholder().Replace(key, "").Length;
            var pattern = string.Concat(Placeholder().Split(key).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<p{part}>.+?)"));
            _pattern = new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }

        public string Key { get; }

        public int FixedLength { get; }

        public string[]? Match(string english)
        {
            var match = _pattern.Match(english);
            return match.Success ? [.. Enumerable.Range(0, _count).Select(i => match.Groups["p" + i].Value)] : null;
        }
    }
}
