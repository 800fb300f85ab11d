using System.Globalization;
using System.Text.Json;

namespace LabDashboard.Engine.Settings;

/// <summary>Turns a JSON object of settings into <see cref="RunSettings"/>, filling defaults and refusing bad values.</summary>
public static class SettingsBinder
{
    /// <summary>Binds <paramref name="json"/> (null or an object) to <paramref name="schema"/>, validators without folders.</summary>
    /// <exception cref="SettingsValidationException">Unknown names, wrong types, out-of-range or refused values.</exception>
    public static RunSettings Bind(IReadOnlyList<SettingSpec> schema, JsonElement? json) =>
        Bind(schema, json, SettingCheckContext.Detached);

    /// <summary>Binds <paramref name="json"/> (null or an object) to <paramref name="schema"/>; each given value also passes its spec's <see cref="SettingSpec.Validator"/>.</summary>
    /// <exception cref="SettingsValidationException">Unknown names, wrong types, out-of-range or refused values.</exception>
    public static RunSettings Bind(IReadOnlyList<SettingSpec> schema, JsonElement? json, SettingCheckContext context)
    {
        var errors = new List<string>();
        var values = schema.ToDictionary(s => s.Name, s => s.Default, StringComparer.Ordinal);
        if (json is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element)
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new SettingsValidationException(["settings must be a JSON object"]);
            foreach (var property in element.EnumerateObject())
                BindOne(schema, property, context, values, errors);
        }
        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new RunSettings(values);
    }

    /// <summary>The schema's defaults.</summary>
    public static RunSettings Defaults(IReadOnlyList<SettingSpec> schema) => Bind(schema, null);

    private static void BindOne(IReadOnlyList<SettingSpec> schema, JsonProperty property, SettingCheckContext context, Dictionary<string, object> values, List<string> errors)
    {
        var spec = schema.FirstOrDefault(s => s.Name == property.Name);
        if (spec is null)
        {
            errors.Add($"unknown setting '{property.Name}'");
            return;
        }
        var error = TryRead(spec, property.Value, out var value) ?? spec.Validator?.Invoke(value!, context);
        if (error is null) values[spec.Name] = value!;
        else errors.Add($"'{spec.Name}': {error}");
    }

    private static string? TryRead(SettingSpec spec, JsonElement json, out object? value)
    {
        value = null;
        switch (spec.Kind)
        {
            case SettingKind.Int:
                if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt32(out var i)) return "expected a whole number";
                value = i;
                return InRange(spec, i);
            case SettingKind.Double:
                if (json.ValueKind != JsonValueKind.Number) return "expected a number";
                var d = json.GetDouble();
                if (!double.IsFinite(d)) return "expected a finite number";
                value = d;
                return InRange(spec, d);
            case SettingKind.Bool:
                if (json.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return "expected true or false";
                value = json.GetBoolean();
                return null;
            case SettingKind.Choice:
                if (json.ValueKind != JsonValueKind.String) return "expected a string";
                var s = json.GetString()!;
                value = s;
                return spec.Choices!.Contains(s) ? null : $"expected one of {string.Join(", ", spec.Choices!)}";
            case SettingKind.IntList:
                return TryReadIntList(spec, json, out value);
            case SettingKind.Text:
                if (json.ValueKind != JsonValueKind.String) return "expected a string";
                var text = json.GetString()!;
                value = text;
                return text.Length <= SettingSpec.MaxTextLength ? null : $"{text.Length} characters; at most {SettingSpec.MaxTextLength} are accepted";
            default:
                return "unsupported setting kind";
        }
    }

    private static string? TryReadIntList(SettingSpec spec, JsonElement json, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Array) return "expected an array of whole numbers";
        var list = new List<int>();
        foreach (var item in json.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var i)) return "expected an array of whole numbers";
            var error = InRange(spec, i);
            if (error is not null) return error;
            list.Add(i);
        }
        value = list;
        return null;
    }

    private static string? InRange(SettingSpec spec, double v)
    {
        if (spec.Min is { } min && v < min) return $"{v.ToString(CultureInfo.InvariantCulture)} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}";
        if (spec.Max is { } max && v > max) return $"{v.ToString(CultureInfo.InvariantCulture)} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}";
        return null;
    }
}
