using System.Text.Json;
using LabDashboard.Engine.Problems.Texts;

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
        var errors = new List<LocalizableText>();
        var values = schema.ToDictionary(s => s.Name, s => s.Default, StringComparer.Ordinal);
        if (json is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element)
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new SettingsValidationException([SettingsTexts.NotAnObject.Format()]);
            foreach (var property in element.EnumerateObject())
                BindOne(schema, property, context, values, errors);
        }
        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new RunSettings(values);
    }

    /// <summary>The schema's defaults.</summary>
    public static RunSettings Defaults(IReadOnlyList<SettingSpec> schema) => Bind(schema, null);

    private static void BindOne(IReadOnlyList<SettingSpec> schema, JsonProperty property, SettingCheckContext context, Dictionary<string, object> values, List<LocalizableText> errors)
    {
        var spec = schema.FirstOrDefault(s => s.Name == property.Name);
        if (spec is null)
        {
            errors.Add(SettingsTexts.Unknown.Format(property.Name));
            return;
        }
        var error = TryRead(spec, property.Value, out var value)
            ?? (spec.Validator?.Invoke(value!, context) is { } refused ? SettingsTexts.Refused.Format(refused) : null);
        if (error is null) values[spec.Name] = value!;
        else errors.Add(SettingsTexts.Setting.Format(spec.Name, error));
    }

    private static LocalizableText? TryRead(SettingSpec spec, JsonElement json, out object? value)
    {
        value = null;
        switch (spec.Kind)
        {
            case SettingKind.Int:
                if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt32(out var i)) return SettingsTexts.WholeNumber.Format();
                value = i;
                return InRange(spec, i);
            case SettingKind.Double:
                if (json.ValueKind != JsonValueKind.Number) return SettingsTexts.Number.Format();
                var d = json.GetDouble();
                if (!double.IsFinite(d)) return SettingsTexts.FiniteNumber.Format();
                value = d;
                return InRange(spec, d);
            case SettingKind.Bool:
                if (json.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return SettingsTexts.Boolean.Format();
                value = json.GetBoolean();
                return null;
            case SettingKind.Choice:
                if (json.ValueKind != JsonValueKind.String) return SettingsTexts.String.Format();
                var s = json.GetString()!;
                value = s;
                return spec.Choices!.Contains(s) ? null : SettingsTexts.OneOf.Format(string.Join(", ", spec.Choices!));
            case SettingKind.IntList:
                return TryReadIntList(spec, json, out value);
            case SettingKind.Text:
                if (json.ValueKind != JsonValueKind.String) return SettingsTexts.String.Format();
                var text = json.GetString()!;
                value = text;
                return text.Length <= SettingSpec.MaxTextLength ? null : SettingsTexts.TooLong.Format(text.Length, SettingSpec.MaxTextLength);
            default:
                return SettingsTexts.UnsupportedKind.Format();
        }
    }

    private static LocalizableText? TryReadIntList(SettingSpec spec, JsonElement json, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Array) return SettingsTexts.WholeNumbers.Format();
        var list = new List<int>();
        foreach (var item in json.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var i)) return SettingsTexts.WholeNumbers.Format();
            var error = InRange(spec, i);
            if (error is not null) return error;
            list.Add(i);
        }
        value = list;
        return null;
    }

    private static LocalizableText? InRange(SettingSpec spec, double v)
    {
        if (spec.Min is { } min && v < min) return SettingsTexts.BelowMinimum.Format(v, min);
        if (spec.Max is { } max && v > max) return SettingsTexts.AboveMaximum.Format(v, max);
        return null;
    }
}
