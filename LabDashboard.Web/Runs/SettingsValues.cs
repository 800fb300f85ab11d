using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Web.Runs;

/// <summary>
/// Settings as a form edits them (name → int, double, bool or string; int lists as "64, 32"),
/// converted to and from the URL's query string and the JSON the run service binds.
/// </summary>
public static class SettingsValues
{
    public static Dictionary<string, object?> Defaults(IReadOnlyList<SettingSpec> schema) =>
        schema.ToDictionary(s => s.Name, s => FormValue(s, s.Default), StringComparer.Ordinal);

    /// <summary>Stored run settings (engine values) in form shape.</summary>
    public static Dictionary<string, object?> FromRun(IReadOnlyList<SettingSpec> schema, IReadOnlyDictionary<string, object> stored)
    {
        var values = Defaults(schema);
        foreach (var spec in schema)
            if (stored.TryGetValue(spec.Name, out var value)) values[spec.Name] = FormValue(spec, Unwrap(value));
        return values;
    }

    /// <summary>The defaults overridden by whatever query parameters name a setting and parse.</summary>
    public static Dictionary<string, object?> FromQuery(IReadOnlyList<SettingSpec> schema, IReadOnlyDictionary<string, string?> query)
    {
        var values = Defaults(schema);
        foreach (var spec in schema)
            if (query.TryGetValue(spec.Name, out var text) && text is not null && Parse(spec, text) is { } value)
                values[spec.Name] = value;
        return values;
    }

    /// <summary>Query parameters for the settings that differ from the exam's values (null removes one).</summary>
    public static Dictionary<string, object?> ToQuery(IReadOnlyList<SettingSpec> schema, IReadOnlyDictionary<string, object?> values)
    {
        var defaults = Defaults(schema);
        return schema.ToDictionary(
            s => s.Name,
            s => values.TryGetValue(s.Name, out var v) && !Equals(v, defaults[s.Name]) ? (object?)Format(v) : null);
    }

    /// <summary>The JSON object the run service binds.</summary>
    public static JsonElement ToJson(IReadOnlyList<SettingSpec> schema, IReadOnlyDictionary<string, object?> values)
    {
        var json = new JsonObject();
        foreach (var spec in schema)
            if (values.TryGetValue(spec.Name, out var value) && value is not null)
                json[spec.Name] = ToNode(spec, value);
        return JsonSerializer.SerializeToElement(json);
    }

    /// <summary>Errors by setting name, as the engine's binder words them.</summary>
    public static Dictionary<string, LocalizableText> Validate(IReadOnlyList<SettingSpec> schema, IReadOnlyDictionary<string, object?> values)
    {
        var errors = new Dictionary<string, LocalizableText>(StringComparer.Ordinal);
        foreach (var spec in schema)
        {
            values.TryGetValue(spec.Name, out var value);
            if (value is null || (value is string s && spec.Kind != SettingKind.Text && string.IsNullOrWhiteSpace(s)))
            {
                errors[spec.Name] = SettingsTexts.Required.Format(spec.Name);
                continue;
            }
            var json = new JsonObject { [spec.Name] = ToNode(spec, value) };
            try
            {
                SettingsBinder.Bind([spec], JsonSerializer.SerializeToElement(json));
            }
            catch (SettingsValidationException e)
            {
                errors[spec.Name] = e.Texts[0];
            }
        }
        return errors;
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };

    private static object? Parse(SettingSpec spec, string text) => spec.Kind switch
    {
        SettingKind.Int => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
        SettingKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        SettingKind.Bool => bool.TryParse(text, out var b) ? b : null,
        _ => text,
    };

    private static object? FormValue(SettingSpec spec, object? value) => spec.Kind switch
    {
        SettingKind.IntList when value is IEnumerable<int> list => string.Join(", ", list),
        SettingKind.Int when value is not null => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        SettingKind.Double when value is not null => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static object? Unwrap(object value) => value is JsonElement e
        ? e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetInt32(out var i) ? i : e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Array => e.EnumerateArray().Select(x => x.GetInt32()).ToList(),
            _ => e.GetString(),
        }
        : value;

    private static JsonNode? ToNode(SettingSpec spec, object value) => spec.Kind switch
    {
        SettingKind.IntList => ToIntListNode(value),
        _ => value switch
        {
            int i => JsonValue.Create(i),
            double d => JsonValue.Create(d),
            bool b => JsonValue.Create(b),
            _ => JsonValue.Create(Format(value)),
        },
    };

    /// <summary>"64, 32" → [64, 32]; text that is not a list of whole numbers stays a string (and is refused).</summary>
    private static JsonNode? ToIntListNode(object value)
    {
        var text = value as string ?? string.Join(",", (IEnumerable<int>)value);
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? (int?)i : null).ToList();
        return numbers.All(n => n.HasValue)
            ? new JsonArray(numbers.Select(n => (JsonNode?)JsonValue.Create(n!.Value)).ToArray())
            : JsonValue.Create(text);
    }
}
