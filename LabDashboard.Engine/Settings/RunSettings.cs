using System.Collections.ObjectModel;

namespace LabDashboard.Engine.Settings;

/// <summary>A problem's validated settings: every name in the schema has a value of its type.</summary>
public sealed class RunSettings
{
    private readonly Dictionary<string, object> _values;

    internal RunSettings(Dictionary<string, object> values) => _values = values;

    /// <summary>All values by name (int, double, bool, string or IReadOnlyList&lt;int&gt;).</summary>
    public IReadOnlyDictionary<string, object> Values => new ReadOnlyDictionary<string, object>(_values);

    /// <summary>An int setting.</summary>
    public int Int(string name) => (int)Get(name);

    /// <summary>A double setting (ints widen).</summary>
    public double Double(string name) => Convert.ToDouble(Get(name), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A bool setting.</summary>
    public bool Bool(string name) => (bool)Get(name);

    /// <summary>A choice or text setting.</summary>
    public string Text(string name) => (string)Get(name);

    /// <summary>A list-of-ints setting.</summary>
    public IReadOnlyList<int> IntList(string name) => (IReadOnlyList<int>)Get(name);

    private object Get(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No setting named '{name}'.");
}
