namespace LabDashboard.Engine.Runs;

/// <summary>What the user calls a run: a name, notes and tags, all optional, stored with the run.</summary>
/// <param name="Name">A short name (one line).</param>
/// <param name="Notes">Free text (several lines).</param>
/// <param name="Tags">Distinct tags, in the order given.</param>
public sealed record RunLabel(string Name, string Notes, IReadOnlyList<string> Tags)
{
    /// <summary>Length limits, in characters (tags: how many, and each).</summary>
    public const int MaxNameLength = 100, MaxNotesLength = 4000, MaxTags = 20, MaxTagLength = 40;

    /// <summary>No name, no notes, no tags (every run starts so).</summary>
    public static RunLabel None { get; } = new("", "", []);

    /// <summary>
    /// A label from user input: name and tags trimmed, empty tags dropped, repeated tags (ignoring case)
    /// kept once. Null parts are empty.
    /// </summary>
    /// <exception cref="RunLabelValidationException">Too long, too many tags, a tag with a comma, or control characters.</exception>
    public static RunLabel Create(string? name, string? notes, IEnumerable<string?>? tags)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        var trimmedName = (name ?? "").Trim();
        if (trimmedName.Length > MaxNameLength) Fail("name", $"name is {trimmedName.Length} characters long; at most {MaxNameLength}.");
        if (trimmedName.Any(char.IsControl)) Fail("name", "name must be one line without control characters.");
        var text = notes ?? "";
        if (text.Length > MaxNotesLength) Fail("notes", $"notes are {text.Length} characters long; at most {MaxNotesLength}.");
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) Fail("notes", "notes must not contain control characters other than line breaks and tabs.");
        var distinct = (tags ?? []).Select(t => (t ?? "").Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distinct.Count > MaxTags) Fail("tags", $"{distinct.Count} tags; at most {MaxTags}.");
        foreach (var tag in distinct.Where(t => t.Length > MaxTagLength || t.Contains(',') || t.Any(char.IsControl)))
            Fail("tags", $"tag '{Shorten(tag)}' must be at most {MaxTagLength} characters, without commas or control characters.");

        if (errors.Count > 0) throw new RunLabelValidationException(errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value));
        return new RunLabel(trimmedName, text, distinct);
    }

    private static string Shorten(string tag) => tag.Length <= MaxTagLength ? tag : tag[..MaxTagLength] + "…";
}

/// <summary>A label was refused; <see cref="Errors"/> says why, by field (<c>name</c>, <c>notes</c>, <c>tags</c>).</summary>
public sealed class RunLabelValidationException(IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    : Exception("Invalid run label: " + string.Join("; ", errors.Values.SelectMany(e => e)))
{
    /// <summary>The messages by field.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; } = errors;
}
