using System.Text.RegularExpressions;

namespace LabDashboard.Engine.Runs.Artifacts;

/// <summary>Artifact paths: parts of letters, digits, '.', '-' and '_' joined by '/', none of them "." or "..", so a path never leaves its store.</summary>
public static partial class ArtifactPaths
{
    /// <summary>The parts joined by '/'.</summary>
    /// <exception cref="ArgumentException">A part is empty, "." or "..", or has another character.</exception>
    public static string Join(params string[] parts)
    {
        foreach (var part in parts) CheckPart(part);
        return string.Join('/', parts);
    }

    /// <summary><paramref name="path"/> when it is a valid artifact path (see <see cref="Join"/>).</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static string Check(string path)
    {
        foreach (var part in path.Split('/')) CheckPart(part);
        return path;
    }

    /// <summary>The folder as a prefix of the paths under it (ends with '/').</summary>
    public static string Prefix(string folder) => Check(folder.TrimEnd('/')) + "/";

    /// <summary>A run folder of a problem's models (e.g. <c>resnet-cam/models</c>) with the run's id under it.</summary>
    public static string RunFolder(string folder, string runId) => Check(folder.Replace('\\', '/')) + "/" + Join(runId);

    private static void CheckPart(string part)
    {
        if (!SafePart().IsMatch(part) || part is "." or "..")
            throw new ArgumentException($"'{part}' is not a valid part of an artifact path (letters, digits, '.', '-' and '_').", nameof(part));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SafePart();
}
