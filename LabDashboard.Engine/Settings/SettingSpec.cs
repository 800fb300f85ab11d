using System.Text.Json.Serialization;

namespace LabDashboard.Engine.Settings;

/// <summary>The type of a setting's value.</summary>
public enum SettingKind
{
    /// <summary>A whole number (JSON number without fraction).</summary>
    Int,
    /// <summary>A real number.</summary>
    Double,
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>One of <see cref="SettingSpec.Choices"/>.</summary>
    Choice,
    /// <summary>A list of whole numbers, e.g. hidden layer widths.</summary>
    IntList,
    /// <summary>Free text.</summary>
    Text,
}

/// <summary>One setting of a problem: name (camelCase), type, exam default and valid range.</summary>
public sealed record SettingSpec(
    string Name,
    string Label,
    SettingKind Kind,
    object Default,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Choices = null,
    string? Help = null)
{
    /// <summary>
    /// The resource key of <see cref="Label"/> (<c>&lt;problem id&gt;.setting.&lt;name&gt;</c>; <see cref="Help"/> adds <c>.help</c>),
    /// set by <see cref="Problems.ProblemDescriptor"/>; null outside a descriptor.
    /// </summary>
    public string? TextKey { get; init; }

    /// <summary>The longest value a <see cref="SettingKind.Text"/> setting accepts, in characters.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>
    /// An optional check of a submitted value, after its type and range were accepted: returns what is
    /// wrong (the binder prefixes the setting's name) or null. Set it with <c>with { Validator = … }</c>.
    /// </summary>
    [JsonIgnore]
    public Func<object, SettingCheckContext, string?>? Validator { get; init; }

    /// <summary>An int setting.</summary>
    public static SettingSpec Int(string name, string label, int @default, int min, int max, string? help = null) =>
        new(name, label, SettingKind.Int, @default, min, max, Help: help);

    /// <summary>A double setting.</summary>
    public static SettingSpec Double(string name, string label, double @default, double min, double max, string? help = null) =>
        new(name, label, SettingKind.Double, @default, min, max, Help: help);

    /// <summary>A bool setting.</summary>
    public static SettingSpec Bool(string name, string label, bool @default, string? help = null) =>
        new(name, label, SettingKind.Bool, @default, Help: help);

    /// <summary>A choice setting.</summary>
    public static SettingSpec Choice(string name, string label, string @default, IReadOnlyList<string> choices, string? help = null) =>
        new(name, label, SettingKind.Choice, @default, Choices: choices, Help: help);

    /// <summary>A list-of-ints setting; each element within [min, max].</summary>
    public static SettingSpec IntList(string name, string label, IReadOnlyList<int> @default, int min, int max, string? help = null) =>
        new(name, label, SettingKind.IntList, @default, min, max, Help: help);

    /// <summary>A text setting.</summary>
    public static SettingSpec Text(string name, string label, string @default, string? help = null) =>
        new(name, label, SettingKind.Text, @default, Help: help);
}
