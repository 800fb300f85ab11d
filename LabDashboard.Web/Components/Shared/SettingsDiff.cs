using System.Collections;
using System.Globalization;

namespace LabDashboard.Web.Components.Shared;

/// <summary>Which settings set runs apart, and how a setting's value reads in a table or a legend.</summary>
public static class SettingsDiff
{
    /// <summary>The setting names whose values are not the same in every run, in first-seen order.</summary>
    public static IReadOnlyList<string> Differing(IReadOnlyList<IReadOnlyDictionary<string, object>> settings) =>
        settings.SelectMany(s => s.Keys).Distinct()
            .Where(key => settings.Select(s => Text(s.GetValueOrDefault(key))).Distinct().Count() > 1)
            .ToList();

    /// <summary>A value as text: numbers invariant, lists space-separated, missing as empty.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IEnumerable items => string.Join(' ', items.Cast<object?>().Select(Text)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
