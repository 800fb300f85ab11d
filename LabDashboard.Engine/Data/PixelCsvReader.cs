using System.Globalization;

namespace LabDashboard.Engine.Data;

/// <summary>
/// Reads the exam's CSV form of an image set: an optional header, then one row per image with the
/// label first and <c>side·side</c> pixel values (0–255).
/// </summary>
internal static class PixelCsvReader
{
    public static (byte[] Pixels, byte[] Labels) Read(string path, int side = 28)
    {
        var columns = side * side + 1;
        var pixels = new List<byte>(1 << 20);
        var labels = new List<byte>();
        var values = new byte[columns];
        try
        {
            using var reader = new StreamReader(IdxFile.OpenMaybeGzip(path));
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0 || (lineNumber == 1 && !char.IsAsciiDigit(line[0]))) continue;
                ParseRow(line, values, path, lineNumber);
                labels.Add(values[0]);
                pixels.AddRange(values.AsSpan(1));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new DatasetFileException(path, e.Message, e);
        }
        if (labels.Count == 0) throw new DatasetFileException(path, "no data rows");
        return (pixels.ToArray(), labels.ToArray());
    }

    private static void ParseRow(ReadOnlySpan<char> line, byte[] values, string path, int lineNumber)
    {
        var column = 0;
        foreach (var range in line.Split(','))
        {
            if (column == values.Length) throw RowError(path, lineNumber, $"more than {values.Length} columns");
            values[column++] = ParseValue(line[range].Trim(), path, lineNumber, column);
        }
        if (column != values.Length) throw RowError(path, lineNumber, $"{column} columns, expected {values.Length} (label + pixels)");
    }

    private static byte ParseValue(ReadOnlySpan<char> text, string path, int lineNumber, int column)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i is >= 0 and <= 255) return (byte)i;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 255 && d == Math.Floor(d)) return (byte)d;
        throw RowError(path, lineNumber, $"column {column} is '{text}', expected a whole number 0–255");
    }

    private static DatasetFileException RowError(string path, int lineNumber, string problem) =>
        new(path, $"line {lineNumber}: {problem}");
}
