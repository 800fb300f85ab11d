using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Runs;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Runs;

[Collection(SeededTorchCollection.Name)]
public class RunServiceThreadsTests
{
    [Fact]
    public async Task Small_tensor_problems_run_on_one_thread_and_the_others_on_the_devices_threads()
    {
        var device = DeviceInfo.Detect() with { Threads = 2 };
        using var fixture = new RunServiceFixture(device, new RunServiceOptions(),
            new ThreadCountProblem("small", smallTensors: true), new ThreadCountProblem("large", smallTensors: false));
        var small = await fixture.StartAsync("small");
        var large = await fixture.StartAsync("large");

        Assert.Equal(1, (await fixture.WatchToEnd(small))[^1].Results!["threads"]);
        Assert.Equal(2, (await fixture.WatchToEnd(large))[^1].Results!["threads"]);
        Assert.Equal("1", fixture.Service.Get(small)!.Versions["threads"]);
        Assert.Equal("2", fixture.Service.Get(large)!.Versions["threads"]);
        Assert.Equal(2, CountOnAFreshThread());
    }

    [Fact]
    public void Threads_that_start_during_a_scope_get_the_process_default()
    {
        var processDefault = torch.get_num_threads();
        int inside = 0, freshMeanwhile = 0;
        var worker = new Thread(() =>
        {
            using var scope = IntraOpThreads.Use(processDefault + 1, processDefault);
            freshMeanwhile = CountOnAFreshThread();
            inside = torch.get_num_threads();
        });
        worker.Start();
        worker.Join();

        Assert.Equal((processDefault + 1, processDefault), (inside, freshMeanwhile));
        Assert.Equal(processDefault, CountOnAFreshThread());
        Assert.Equal(processDefault, torch.get_num_threads());
        Assert.Throws<ArgumentOutOfRangeException>(() => IntraOpThreads.Use(0, processDefault));
    }

    private static int CountOnAFreshThread()
    {
        var count = 0;
        var thread = new Thread(() => count = torch.get_num_threads());
        thread.Start();
        thread.Join();
        return count;
    }
}
