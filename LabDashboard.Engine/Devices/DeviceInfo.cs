using LabDashboard.Engine.Problems.Texts;
using TorchSharp;

namespace LabDashboard.Engine.Devices;

/// <summary>The device training runs on, and why it was chosen.</summary>
/// <param name="Kind">"cuda" or "cpu".</param>
/// <param name="Reason">A sentence a user can read.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
public sealed record DeviceInfo(string Kind, string Reason, int Threads)
{
    /// <summary><see cref="Reason"/> as a key and arguments; null when the device was not detected (e.g. in tests).</summary>
    public LocalizableText? ReasonText { get; init; }

    /// <summary>The TorchSharp device.</summary>
    public torch.Device Device => Kind == "cuda" ? torch.CUDA : torch.CPU;

    /// <summary>
    /// libtorch intra-op threads for a run of <paramref name="problem"/>: one for small-tensor
    /// problems (measured on 2 cores: iris 200 epochs 0.33 s on one thread, 1.4–3 s on two, whose
    /// idle-spinning workers fight the runtime's own threads), else <see cref="Threads"/>.
    /// </summary>
    public int ThreadsFor(Problems.ProblemDescriptor problem) => problem.SmallTensors ? 1 : Threads;

    /// <summary>Gives the calling thread <see cref="ThreadsFor"/> threads until disposed (see <see cref="IntraOpThreads"/>).</summary>
    public IntraOpThreads UseThreadsFor(Problems.ProblemDescriptor problem) => IntraOpThreads.Use(ThreadsFor(problem), Threads);

    /// <summary>Picks CUDA when libtorch sees a GPU, else the CPU.</summary>
    public static DeviceInfo Detect()
    {
        var threads = torch.get_num_threads();
        if (torch.cuda.is_available())
            return Chosen(DeviceKind.Cuda.Name(), DeviceTexts.Cuda.Format(torch.cuda.device_count()), threads);
        return Chosen(DeviceKind.Cpu.Name(), (LibTorchIsCudaBuild() ? DeviceTexts.CudaWithoutGpu : DeviceTexts.CpuBuild).Format(), threads);
    }

    private static DeviceInfo Chosen(string kind, LocalizableText reason, int threads) => new(kind, reason.ToString(), threads) { ReasonText = reason };

    private static bool LibTorchIsCudaBuild() => AppContext.BaseDirectory is { } dir
        && Directory.EnumerateFiles(dir, "libtorch_cuda*", SearchOption.AllDirectories).Any();
}
