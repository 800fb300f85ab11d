using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using LabDashboard.Engine.Devices;
using TorchSharp;

namespace LabDashboard.Engine.Runs;

/// <summary>The software a run ran on, recorded with every run.</summary>
internal static class RunVersions
{
    public static IReadOnlyDictionary<string, string> Collect(DeviceInfo device) => new Dictionary<string, string>
    {
        ["torchSharp"] = TorchSharpVersion(),
        ["libtorch"] = torch.__version__,
        ["threads"] = device.Threads.ToString(CultureInfo.InvariantCulture),
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
