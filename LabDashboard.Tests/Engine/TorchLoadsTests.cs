using LabDashboard.Engine.Devices;
using TorchSharp;

namespace LabDashboard.Tests.Engine;

public class TorchLoadsTests
{
    [Fact]
    public void Torch_native_library_loads_and_computes()
    {
        using var a = torch.ones(2, 3);
        using var b = (a * 2).sum();
        Assert.Equal(12f, b.item<float>());
    }

    [Fact]
    public void Device_is_detected_with_a_reason()
    {
        var device = DeviceInfo.Detect();
        Assert.Contains(device.Kind, new[] { "cpu", "cuda" });
        Assert.False(string.IsNullOrWhiteSpace(device.Reason));
        Assert.True(device.Threads >= 1);
    }
}
