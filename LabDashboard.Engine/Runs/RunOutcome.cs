using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabDashboard.Engine.Runs;

/// <summary>How a run ended; serialised as <c>completed</c>, <c>cancelled</c>, <c>failed</c> or <c>interrupted</c>.</summary>
[JsonConverter(typeof(RunOutcomeJsonConverter))]
public enum RunOutcome
{
    /// <summary>Ran to the end.</summary>
    Completed,
    /// <summary>Cancelled by a user.</summary>
    Cancelled,
    /// <summary>Threw.</summary>
    Failed,
    /// <summary>The process died or stopped while the run was live.</summary>
    Interrupted,
}

/// <summary>Writes and reads <see cref="RunOutcome"/> as its lower-case name, whatever the serializer's options.</summary>
public sealed class RunOutcomeJsonConverter() : JsonStringEnumConverter<RunOutcome>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
