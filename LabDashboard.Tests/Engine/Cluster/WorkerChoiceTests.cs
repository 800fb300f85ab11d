using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Devices;

namespace LabDashboard.Tests.Engine.Cluster;

public class WorkerChoiceTests
{
    private static readonly WorkerDevices OneCpu = new("cpu", 1, 1);
    private static readonly WorkerDevices OneGpu = new("cuda", 1, 1);

    [Fact]
    public void Without_a_wanted_kind_the_worker_with_the_most_free_slots_takes_the_run_and_equal_workers_take_turns()
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
    public void Among_workers_when_all_are_busy_the_shortest_queue_per_slot_takes_the_run_not_the_fewest_waiting()
    {
        var fourCpus = new WorkerDevices("cpu", 4, 4);

        // a: one slot, one run waiting (2 per slot); f: four slots, two waiting (1.5 per slot).
        Assert.Equal("f", Pick(("a", OneCpu, 2, 10), ("f", fourCpus, 6, 20)));
    }

    [Fact]
    public void A_free_worker_of_the_wanted_kind_takes_the_run_where_the_wanted_kind_alone_decides()
    {
        // Without a wanted kind c takes the run (given one least recently; more free slots): the negative control.
        (string, WorkerDevices, int, long?) gpu = ("g", OneGpu, 0, 20), cpu = ("c", OneCpu, 0, 10), twoCpus = ("c", new WorkerDevices("cpu", 2, 2), 0, 30);

        Assert.Equal("c", Pick(null, gpu, cpu));
        Assert.Equal("g", Pick(DeviceKind.Cuda, gpu, cpu));
        Assert.Equal("c", Pick(null, gpu, twoCpus));
        Assert.Equal("g", Pick(DeviceKind.Cuda, gpu, twoCpus));
        // And the other way round: a run that prefers the CPU leaves a GPU given a run less recently free.
        Assert.Equal("g", Pick(null, ("g", OneGpu, 0, 10), ("c", OneCpu, 0, 20)));
        Assert.Equal("c", Pick(DeviceKind.Cpu, ("g", OneGpu, 0, 10), ("c", OneCpu, 0, 20)));
    }

    [Fact]
    public void A_preference_never_leaves_a_run_waiting_while_a_slot_of_another_kind_is_free()
    {
        Assert.Equal("c", Pick(DeviceKind.Cuda, ("g", OneGpu, 1, 10), ("c", OneCpu, 0, 20)));
        Assert.Equal("c", Pick(DeviceKind.Cuda, ("c", OneCpu, 0, 20), ("d", OneCpu, 0, 30)));
        Assert.Equal("g", Pick(DeviceKind.Cpu, ("g", OneGpu, 0, 20), ("c", OneCpu, 1, 10)));
    }

    [Fact]
    public void When_every_slot_is_taken_the_shortest_queue_per_slot_wins_over_the_kind_and_breaks_ties_for_it()
    {
        Assert.Equal("c", Pick(DeviceKind.Cuda, ("g", OneGpu, 3, 10), ("c", OneCpu, 2, 20)));
        Assert.Equal("c", Pick(null, ("g", OneGpu, 2, 20), ("c", OneCpu, 2, 10)));
        Assert.Equal("g", Pick(DeviceKind.Cuda, ("g", OneGpu, 2, 20), ("c", OneCpu, 2, 10)));
    }

    [Fact]
    public void A_worker_advertises_its_devices_in_silo_metadata_and_a_silo_without_them_runs_nothing()
    {
        var gpu = new WorkerDevices("cuda", 4, 1);

        Assert.Equal(gpu, WorkerDevices.Read(gpu.Metadata()));
        Assert.Null(WorkerDevices.Read(new Dictionary<string, string>()));
        Assert.Null(WorkerDevices.Read(new WorkerDevices("cpu", 1, 0).Metadata()));
    }

    private static string? Pick(params (string Name, WorkerDevices Devices, int Load, long? LastPlacedAtMs)[] workers) => Pick(null, workers);

    private static string? Pick(DeviceKind? wanted, params (string Name, WorkerDevices Devices, int Load, long? LastPlacedAtMs)[] workers) =>
        WorkerChoice.Pick(workers.Select(w => new WorkerCandidate(w.Name, w.Devices, w.Load, w.LastPlacedAtMs)), wanted)?.Name;
}
