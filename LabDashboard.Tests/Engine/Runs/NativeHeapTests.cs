using LabDashboard.Engine;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabDashboard.Tests.Engine.Runs;

public class NativeHeapTests
{
    [LinuxFact]
    public async Task The_engine_keeps_freed_native_memory_in_the_process_from_host_start_on_linux()
    {
        Assert.Null(Environment.GetEnvironmentVariable(EngineEnvironmentOptions.NativeHeapVariable));
        using var state = new TempFolder();
        await using var provider = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();

        var startup = provider.GetServices<IHostedService>().OfType<NativeHeapStartup>().Single();
        await startup.StartAsync(default);

        Assert.True(startup.Kept, "glibc's mallopt refused the heap settings");
        Assert.True(NativeHeap.KeepFreedMemory());
    }

    [LinuxFact]
    public async Task LABDASHBOARD_NATIVE_HEAP_default_in_the_configuration_leaves_glibc_alone()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [EngineEnvironmentOptions.NativeHeapVariable] = "default" })
            .Build();
        using var state = new TempFolder();
        await using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();

        var startup = provider.GetRequiredService<NativeHeapStartup>();
        await startup.StartAsync(default);

        Assert.False(startup.Kept);
    }
}
