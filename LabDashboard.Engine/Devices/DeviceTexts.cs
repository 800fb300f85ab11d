using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Devices;

/// <summary>Why a device was chosen, keyed for the pages' languages.</summary>
internal static class DeviceTexts
{
    public static readonly TextTemplate Cuda = new("device.cuda", "CUDA is available ({0} device(s)).");
    public static readonly TextTemplate CudaWithoutGpu = new("device.cudaWithoutGpu", "CUDA libtorch is installed but no GPU is visible.");
    public static readonly TextTemplate CpuBuild = new("device.cpuBuild", "This build uses the CPU libtorch package (build with -p:LabTorchBackend=cuda for a GPU).");
}
