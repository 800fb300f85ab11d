using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace LabDashboard.Engine.Runs;

/// <summary>The software a run ran on, recorded with every run.</summary>
internal static class RunVersions
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Software = new(() => new Dictionary<string, string>
    {
        ["torchSharp"] = TorchSharpVersion(),
        ["libtorch"] = torch.__version__,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
    });

    /// <summary>The versions (read once per process), with the libtorch intra-op <paramref name="threads"/> of the run.</summary>
    public static IReadOnlyDictionary<string, string> Collect(int threads) =>
        new Dictionary<string, string>(Software.Value) { ["threads"] = threads.ToString(CultureInfo.InvariantCulture) };

    private static string TorchSharpVersion()
    {
        var assembly = typeof(torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
