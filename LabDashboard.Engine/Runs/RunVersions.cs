using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using LabDashboard.Engine.Devices;
using TorchSharp;

namespace LabDashboard.Engine.Runs;

/// <summary>The software a run ran on, recorded with every run.</summary>
internal static class RunVersions
{
    /// <summary>The versions, with the libtorch intra-op <paramref name="threads"/> the run uses on <paramref name="device"/>.</summary>
    public static IReadOnlyDictionary<string, string> Collect(DeviceInfo device, int threads) => new Dictionary<string, string>
    {
        ["torchSharp"] = TorchSharpVersion(),
        ["libtorch"] = torch.__version__,
        ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
    };

    private static string TorchSharpVersion()
    {
        var assembly = typeof(torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
