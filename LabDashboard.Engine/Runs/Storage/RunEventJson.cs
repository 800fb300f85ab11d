using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>How events, results and payloads are written as JSON: camelCase, nulls left out, NaN and ±Infinity allowed (a diverging loss is a fact worth keeping).</summary>
internal static class RunEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Stored JSON is null where a {typeof(T).Name} was expected.");

    /// <summary>A payload as a <see cref="JsonElement"/>, so every reader sees the same shape before and after a restart.</summary>
    public static object? Normalise(object? payload) =>
        payload is null or JsonElement ? payload : JsonSerializer.SerializeToElement(payload, payload.GetType(), Options);
}
