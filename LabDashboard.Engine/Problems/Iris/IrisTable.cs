using System.Globalization;
using LabDashboard.Engine.Data;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>One iris flower: its four measurements (cm) and species (0 setosa, 1 versicolor, 2 virginica).</summary>
public sealed record IrisRow(int Row, float SepalLength, float SepalWidth, float PetalLength, float PetalWidth, int Species);

/// <summary>
/// The iris table as the exam reads it: header <c>SepalLength,SepalWidth,PetalLength,PetalWidth,Species</c>,
/// species coded 0/1/2. The product ships Fisher's 150 rows (public domain); users may load another file of the same shape.
/// </summary>
public static class IrisTable
{
    /// <summary>Column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["SepalLength", "SepalWidth", "PetalLength", "PetalWidth", "Species"];

    /// <summary>Species names for the codes 0, 1, 2.</summary>
    public static IReadOnlyList<string> SpeciesNames { get; } = ["setosa", "versicolor", "virginica"];

    private const string ResourceName = "LabDashboard.Engine.Problems.Iris.iris.csv";
    private static readonly Lazy<IReadOnlyList<IrisRow>> Bundled = new(() =>
    {
        using var stream = typeof(IrisTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Parse(new StreamReader(stream), "the bundled iris.csv");
    });

    /// <summary>The 150 rows shipped with the lab.</summary>
    public static IReadOnlyList<IrisRow> Load() => Bundled.Value;

    /// <summary>Reads a CSV of the same shape.</summary>
    /// <exception cref="DatasetFileException">Wrong header, columns, numbers or species codes; the message names the file and line.</exception>
    public static IReadOnlyList<IrisRow> Load(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFileException(path, e.Message, e);
        }
    }

    private static IReadOnlyList<IrisRow> Parse(TextReader reader, string source)
    {
        var header = reader.ReadLine()?.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
        if (header is null || !header.SequenceEqual(Columns))
            throw new DatasetFileException(source, $"line 1: expected the header {string.Join(",", Columns)}");
        var rows = new List<IrisRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length > 0) rows.Add(ParseRow(line, rows.Count, source, lineNumber));
        }
        if (rows.Count < 2) throw new DatasetFileException(source, "needs at least two data rows");
        return rows;
    }

    private static IrisRow ParseRow(string line, int row, string source, int lineNumber)
    {
        var cells = line.Split(',');
        if (cells.Length != Columns.Count) throw new DatasetFileException(source, $"line {lineNumber}: {cells.Length} columns, expected {Columns.Count}");
        var values = new float[cells.Length];
        for (var i = 0; i < cells.Length; i++)
            if (!float.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
                throw new DatasetFileException(source, $"line {lineNumber}: {Columns[i]} '{cells[i]}' is not a number");
        var species = values[4];
        if (species is not (0 or 1 or 2)) throw new DatasetFileException(source, $"line {lineNumber}: Species {cells[4]} is not 0, 1 or 2");
        return new IrisRow(row, values[0], values[1], values[2], values[3], (int)species);
    }
}
