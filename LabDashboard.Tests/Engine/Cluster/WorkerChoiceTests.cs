using LabDashboard.Engine.Cluster;

namespace LabDashboard.Tests.Engine.Cluster;

public class WorkerChoiceTests
{
    private static readonly WorkerDevices OneCpu = new("cpu", 1, 1);

    [Fact]
    public void The_worker_with_the_most_free_slots_takes_the_run_and_equal_workers_take_turns()
    {
        var gpu = new WorkerDevices("cuda", 2, 2);

        Assert.Equal("b", Pick(("a", OneCpu, 1, 10), ("b", OneCpu, 0, 20)));
        Assert.Equal("a", Pick(("a", OneCpu, 0, 10), ("g", gpu, 1, null)));
        Assert.Equal("a", Pick(("a", OneCpu, 0, 10), ("b", OneCpu, 0, 20)));
        Assert.Equal("b", Pick(("a", OneCpu, 0, 30), ("b", OneCpu, 0, 20)));
        Assert.Equal("c", Pick(("a", OneCpu, 0, 30), ("c", OneCpu, 0, null)));
        Assert.Equal("g", Pick(("a", OneCpu, 2, 10), ("g", gpu, 3, 20)));
        Assert.Equal("a", Pick(("a", OneCpu, 3, 10), ("b", OneCpu, 4, 5)));
        Assert.Null(WorkerChoice.Pick([]));
    }

    [Fact]
    public void A_worker_advertises_its_devices_in_silo_metadata_and_a_silo_without_them_runs_nothing()
    {
        var gpu = new WorkerDevices("cuda", 4, 1);

        Assert.Equal(gpu, WorkerDevices.Read(gpu.Metadata()));
        Assert.Null(WorkerDevices.Read(new Dictionary<string, string>()));
        Assert.Null(WorkerDevices.Read(new WorkerDevices("cpu", 1, 0).Metadata()));
    }

    private static string? Pick(params (string Name, WorkerDevices Devices, int Load, long? LastPlacedAtMs)[] workers) =>
        WorkerChoice.Pick(workers.Select(w => new WorkerCandidate(w.Name, w.Devices, w.Load, w.LastPlacedAtMs)))?.Name;
}
