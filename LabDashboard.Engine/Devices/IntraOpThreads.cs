using TorchSharp;

namespace LabDashboard.Engine.Devices;

/// <summary>Gives the calling thread its own libtorch intra-op thread count until disposed.</summary>
/// <remarks>
/// libtorch keeps the count per thread (OpenMP's per-thread setting, MKL's local one), but
/// <c>set_num_threads</c> also sets the count every thread starts with when it first uses
/// libtorch. So the process default is put back at once from a short-lived thread: a web request
/// that first touches libtorch while a one-thread run is going must not keep one thread for good.
/// The default is the device's, not the count read before: scopes on concurrent runs would read
/// each other's value and one of them would put back 1.
/// </remarks>
public sealed class IntraOpThreads : IDisposable
{
    private readonly int _processDefault;

    private IntraOpThreads(int threads, int processDefault)
    {
        _processDefault = processDefault;
        // A thread takes the process count on its first libtorch call, and setting does not count
        // as one: without this read the first op would undo the setting below.
        torch.get_num_threads();
        torch.set_num_threads(threads);
        if (threads != processDefault) OnFreshThread(() => torch.set_num_threads(processDefault));
    }

    /// <summary>
    /// Uses <paramref name="threads"/> on this thread until disposed; threads that start using
    /// libtorch meanwhile get <paramref name="processDefault"/> (both at least 1).
    /// </summary>
    public static IntraOpThreads Use(int threads, int processDefault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(processDefault, 1);
        return new IntraOpThreads(threads, processDefault);
    }

    /// <summary>Gives this thread the process default again.</summary>
    public void Dispose() => torch.set_num_threads(_processDefault);

    private static void OnFreshThread(Action action)
    {
        var thread = new Thread(() => action()) { IsBackground = true, Name = "libtorch thread default" };
        thread.Start();
        thread.Join();
    }
}
