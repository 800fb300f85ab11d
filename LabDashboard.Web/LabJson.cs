using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabDashboard.Web;

/// <summary>One JSON shape for REST and the hub: camelCase names and enums, no nulls.</summary>
public static class LabJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    /// <summary>A payload (an engine record in process, or JSON read back from storage) as JSON.</summary>
    public static JsonElement ToElement(object? value) => value switch
    {
        JsonElement element => element,
        null => default,
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), Options),
    };
}
