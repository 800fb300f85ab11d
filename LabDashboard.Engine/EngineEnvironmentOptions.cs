using Microsoft.Extensions.Configuration;

namespace LabDashboard.Engine;

/// <summary>
/// Download sources and the native-heap switch, read once at start-up from configuration (where the
/// host's environment-variable provider puts the <c>LABDASHBOARD_*</c> variables under their own names).
/// </summary>
public sealed class EngineEnvironmentOptions
{
    /// <summary>A base URL replacing the public MNIST/Fashion-MNIST mirrors (<c>&lt;base&gt;/&lt;TorchvisionFolder&gt;/&lt;name&gt;.gz</c>).</summary>
    public const string DatasetMirrorVariable = "LABDASHBOARD_DATASET_MIRROR";
    /// <summary>A base URL replacing the Oxford-IIIT Pet server.</summary>
    public const string OxfordPetUrlVariable = "LABDASHBOARD_OXFORD_PET_URL";
    /// <summary>A URL replacing download.pytorch.org's resnet18 weights.</summary>
    public const string TorchvisionWeightsUrlVariable = "LABDASHBOARD_TORCHVISION_WEIGHTS_URL";
    /// <summary><c>default</c> keeps glibc's heap behaviour instead of <see cref="Runs.NativeHeap"/>'s tuning.</summary>
    public const string NativeHeapVariable = "LABDASHBOARD_NATIVE_HEAP";

    /// <summary>See <see cref="DatasetMirrorVariable"/>; null = the public mirrors.</summary>
    public string? DatasetMirror { get; set; }

    /// <summary>See <see cref="OxfordPetUrlVariable"/>; null = the public server.</summary>
    public string? OxfordPetUrl { get; set; }

    /// <summary>See <see cref="TorchvisionWeightsUrlVariable"/>; null = download.pytorch.org.</summary>
    public string? TorchvisionWeightsUrl { get; set; }

    /// <summary>False when <see cref="NativeHeapVariable"/> is <c>default</c>.</summary>
    public bool KeepNativeHeap { get; set; } = true;

    /// <summary>The values in <paramref name="configuration"/>.</summary>
    public static EngineEnvironmentOptions From(IConfiguration configuration) => Read(key => configuration[key]);

    /// <summary>The values of the process's environment variables, for hosts without configuration (benchmarks, tests).</summary>
    public static EngineEnvironmentOptions FromEnvironment() => Read(Environment.GetEnvironmentVariable);

    internal void CopyFrom(EngineEnvironmentOptions other)
    {
        DatasetMirror = other.DatasetMirror;
        OxfordPetUrl = other.OxfordPetUrl;
        TorchvisionWeightsUrl = other.TorchvisionWeightsUrl;
        KeepNativeHeap = other.KeepNativeHeap;
    }

    private static EngineEnvironmentOptions Read(Func<string, string?> variable) => new()
    {
        DatasetMirror = NullIfEmpty(variable(DatasetMirrorVariable)),
        OxfordPetUrl = NullIfEmpty(variable(OxfordPetUrlVariable)),
        TorchvisionWeightsUrl = NullIfEmpty(variable(TorchvisionWeightsUrlVariable)),
        KeepNativeHeap = variable(NativeHeapVariable) != "default",
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
