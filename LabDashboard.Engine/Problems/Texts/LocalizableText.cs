using System.Globalization;

namespace LabDashboard.Engine.Problems.Texts;

/// <summary>
/// Engine text a page shows in the UI language: a stable <see cref="Key"/>, the English
/// <see cref="Template"/> (<c>{0}</c>, <c>{1}</c>… placeholders) and its <see cref="Args"/>, already formatted.
/// </summary>
/// <param name="Key">The resource key, e.g. <c>iris.check.testAcc.detail</c>.</param>
/// <param name="Template">The English text with placeholders.</param>
/// <param name="Args">The filled-in parts (numbers, names), formatted; a nested text's English.</param>
public sealed record LocalizableText(string Key, string Template, IReadOnlyList<string> Args)
{
    /// <summary>The arguments that are engine text themselves, by position, so pages show them in their language too; null when none.</summary>
    public IReadOnlyDictionary<int, LocalizableText>? Nested { get; init; }

    /// <summary>The English text.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, [.. Args]);
}

/// <summary>A keyed English template; <see cref="Format"/> fills it in. Declared as static fields so tests can list them.</summary>
/// <param name="Key">The resource key.</param>
/// <param name="Template">The English text with placeholders.</param>
public sealed record TextTemplate(string Key, string Template)
{
    /// <summary>
    /// The text with <paramref name="args"/> (formatted invariantly) in the placeholders; an argument that is a
    /// <see cref="LocalizableText"/> stays keyed (<see cref="LocalizableText.Nested"/>).
    /// </summary>
    public LocalizableText Format(params object[] args)
    {
        var nested = args.Select((a, i) => (Index: i, Text: a as LocalizableText)).Where(a => a.Text is not null).ToDictionary(a => a.Index, a => a.Text!);
        return new(Key, Template, [.. args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]) { Nested = nested.Count == 0 ? null : nested };
    }
}
