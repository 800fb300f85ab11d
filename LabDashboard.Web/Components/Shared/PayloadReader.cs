using System.Text.Json;

namespace LabDashboard.Web.Components.Shared;

/// <summary>Reads fields of a <c>data</c> payload (camelCase JSON) without a schema; missing or odd fields read as null.</summary>
public static class PayloadReader
{
    public static double[]? Numbers(this JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN).ToArray()
            : null;

    public static double? Number(this JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    /// <summary>The payload of this name in a run's data, if any.</summary>
    public static JsonElement? Payload(this IReadOnlyDictionary<string, JsonElement>? data, string name) =>
        data is not null && data.TryGetValue(name, out var value) ? value : null;
}
