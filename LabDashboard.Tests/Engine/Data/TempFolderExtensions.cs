namespace LabDashboard.Tests.Engine.Data;

internal static class TempFolderExtensions
{
    /// <summary>A sub-folder of <paramref name="temp"/>, created.</summary>
    public static string Sub(this TempFolder temp, params string[] parts)
    {
        var path = Path.Combine([temp.Path, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }
}
