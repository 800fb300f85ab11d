using System.Globalization;
using System.Text.Json;

namespace LabDashboard.Bench;

/// <summary>
/// A subcommand's options, <c>--name value</c> pairs. Common to all: <c>--data</c> (data root,
/// default <c>../shared/data</c> beside the repository), <c>--state</c> (state root, default a
/// temporary folder deleted at the end), <c>--threads</c> (libtorch threads, default 2) and
/// <c>--out</c> (exchange folder for bench/fashion_reference.py, default <c>bench/out</c>).
/// </summary>
internal sealed class BenchArguments
{
    /// <summary>The options every subcommand takes.</summary>
    public static readonly string[] Common = ["--data", "--state", "--threads", "--out"];

    private readonly Dictionary<string, string> _values;

    private BenchArguments(Dictionary<string, string> values, string repoRoot)
    {
        _values = values;
        RepoRoot = repoRoot;
        DataRoot = Path.GetFullPath(Text("--data") ?? Path.Combine(repoRoot, "..", "shared", "data"));
        OutFolder = Path.GetFullPath(Text("--out") ?? Path.Combine(repoRoot, "bench", "out"));
        StateRoot = Text("--state") is { } state ? Path.GetFullPath(state) : null;
        Threads = Int("--threads", 2);
    }

    /// <summary>The repository (the folder holding LabDashboard.sln), else the current directory.</summary>
    public string RepoRoot { get; }
    public string DataRoot { get; }
    public string OutFolder { get; }
    /// <summary>A state root to keep (e.g. to reuse a trained classifier), or null for a temporary one.</summary>
    public string? StateRoot { get; }
    public int Threads { get; }

    /// <summary>Parses <paramref name="args"/>; refuses names outside <see cref="Common"/> and <paramref name="known"/>.</summary>
    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!Common.Contains(name) && !known.Contains(name))
                throw new ArgumentException($"Unknown option '{name}'. Options: {string.Join(", ", Common.Concat(known))}.");
            if (i + 1 >= args.Count) throw new ArgumentException($"Option '{name}' needs a value.");
            values[name] = args[i + 1];
        }
        return new BenchArguments(values, FindRepoRoot());
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The option's value as a JSON object, or null when not given; anything else is refused.</summary>
    public JsonElement? JsonObject(string name)
    {
        if (Text(name) is not { } text) return null;
        JsonElement value;
        try
        {
            value = JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{name} must be a JSON object, e.g. '{{\"steps\":20000}}'; '{text}' is not JSON ({e.Message}).");
        }
        return value.ValueKind == JsonValueKind.Object ? value
            : throw new ArgumentException($"{name} must be a JSON object, e.g. '{{\"steps\":20000}}'; '{text}' is a JSON {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LabDashboard.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
