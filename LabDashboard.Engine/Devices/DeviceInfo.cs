using TorchSharp;

namespace LabDashboard.Engine.Devices;

/// <summary>The device training runs on, and why it was chosen.</summary>
/// <param name="Kind">"cuda" or "cpu".</param>
/// <param name="Reason">A sentence a user can read.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
public sealed record DeviceInfo(string Kind, string Reason, int Threads)
{
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
            return new DeviceInfo("cuda", $"CUDA is available ({torch.cuda.device_count()} device(s)).", threads);
        var reason = LibTorchIsCudaBuild()
            ? "CUDA libtorch is installed but no GPU is visible."
            : "This build uses the CPU libtorch package (build with -p:LabTorchBackend=cuda for a GPU).";
        return new DeviceInfo("cpu", reason, threads);
    }

    private static bool LibTorchIsCudaBuild() => AppContext.BaseDirectory is { } dir
        && Directory.EnumerateFiles(dir, "libtorch_cuda*", SearchOption.AllDirectories).Any();
}
