namespace LabDashboard.Engine.Devices;

/// <summary>A kind of training device, as <see cref="DeviceInfo.Kind"/> names it.</summary>
public enum DeviceKind
{
    /// <summary>The CPU ("cpu").</summary>
    Cpu,

    /// <summary>A CUDA GPU ("cuda").</summary>
    Cuda,
}

/// <summary>Names of <see cref="DeviceKind"/>.</summary>
public static class DeviceKinds
{
    /// <summary>The name <see cref="DeviceInfo.Kind"/> gives <paramref name="kind"/>: "cpu" or "cuda".</summary>
    public static string Name(this DeviceKind kind) => kind switch
    {
        DeviceKind.Cuda => "cuda",
        _ => "cpu",
    };

    /// <summary>The kind <see cref="DeviceInfo.Kind"/> names <paramref name="name"/>; null for any other name.</summary>
    public static DeviceKind? FromName(string? name) => name switch
    {
        "cuda" => DeviceKind.Cuda,
        "cpu" => DeviceKind.Cpu,
        _ => null,
    };
}
