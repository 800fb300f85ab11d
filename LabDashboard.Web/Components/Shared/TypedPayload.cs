using System.Text.Json;
using LabDashboard.Web.Runs;

namespace LabDashboard.Web.Components.Shared;

/// <summary>
/// One named <c>data</c> payload of the shown run read back into the engine's record type, re-read
/// only when the run or the payload changes. Odd JSON reads as null (older runs, other versions).
/// </summary>
public sealed class TypedPayload<T>(string name) where T : class
{
    private (string?, long) _source;
    private T? _value;

    /// <summary>The payload of <paramref name="run"/>, or null.</summary>
    public T? Get(RunView? run)
    {
        var key = (run?.RunId, run?.DataVersion(name) ?? 0);
        if (key == _source) return _value;
        _source = key;
        _value = run?.Data.TryGetValue(name, out var element) == true ? TypedPayload.Read<T>(element) : null;
        return _value;
    }
}

/// <summary>Reads a <c>data</c> payload into the engine's record type.</summary>
public static class TypedPayload
{
    /// <summary>A payload as the engine's record, or null when it does not have that shape.</summary>
    public static T? Read<T>(JsonElement element) where T : class
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        try
        {
            return element.Deserialize<T>(LabJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
