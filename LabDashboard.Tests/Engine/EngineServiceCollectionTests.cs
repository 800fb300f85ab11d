using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LabDashboard.Tests.Engine;

[Collection(SeededTorchCollection.Name)]
public class EngineServiceCollectionTests
{
    [Fact]
    public void AddLabEngine_registers_all_eight_exam_problems_in_exam_order()
    {
        using var state = new TempFolder();
        using var provider = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();

        var problems = provider.GetRequiredService<ProblemCatalog>().All.Select(p => (p.Descriptor.Number, p.Descriptor.Id)).ToList();

        Assert.Equal(
            [(1, "conv-einsum"), (2, "param-count"), (3, "exp-mle"), (4, "free-fall"), (5, "iris"), (6, "fashion-cnn"), (7, "resnet-cam"), (8, "gan-mnist8")],
            problems);
        Assert.Same(provider.GetRequiredService<DeviceInfo>(), provider.GetRequiredService<DeviceInfo>());
        Assert.Equal(state.Path, provider.GetRequiredService<LabPaths>().StateRoot);
    }

    [Fact]
    public void The_heavy_problems_prefer_a_cuda_worker_and_the_others_leave_it_free()
    {
        using var state = new TempFolder();
        using var provider = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();

        var cuda = provider.GetRequiredService<ProblemCatalog>().All.Where(p => p.Descriptor.PreferredDevice == DeviceKind.Cuda).Select(p => p.Descriptor.Id);

        Assert.Equal(["fashion-cnn", "resnet-cam", "gan-mnist8"], cuda);
    }

    [Fact]
    public void A_problem_registered_with_AddProblem_is_one_singleton_for_its_type_and_the_catalog()
    {
        using var provider = new ServiceCollection().AddProblem<ExpMleProblem>().AddSingleton<ProblemCatalog>().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ExpMleProblem>(), Assert.Single(provider.GetRequiredService<ProblemCatalog>().All));
    }

    [Fact]
    public async Task The_registered_run_service_runs_exp_mle_and_keeps_it_after_the_host_stops()
    {
        using var state = new TempFolder();
        string runId;
        await using (var provider = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider())
        {
            var hosted = provider.GetServices<IHostedService>().ToList();
            foreach (var service in hosted) await service.StartAsync(CancellationToken.None);
            var runs = provider.GetRequiredService<IRunService>();
            runId = await runs.StartAsync("exp-mle", JsonDocument.Parse("""{"steps": 1000}""").RootElement);
            var finished = await LastEvent(runs.Watch(runId, 0, CancellationToken.None));
            Assert.Equal(RunOutcome.Completed, finished.Outcome);
            Assert.True(Assert.Single(finished.Checks!).Passed);
            foreach (var service in Enumerable.Reverse(hosted)) await service.StopAsync(CancellationToken.None);
        }

        await using var restarted = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();
        var record = restarted.GetRequiredService<IRunService>().Get(runId)!;
        Assert.Equal(RunStatus.Completed, record.Summary.Status);
        Assert.Equal(100, record.EpochEvents.Count);
        Assert.Equal(2.0299, record.Summary.Results["sampleMean"], 4);
        Assert.True(File.Exists(Path.Combine(state.Path, "labdashboard.db")));
    }

    [Fact]
    public void AddLabEngine_builds_the_cam_service_from_the_Cam_section_and_the_engine_paths()
    {
        using var state = new TempFolder();
        using var provider = new ServiceCollection()
            .AddSingleton(Configuration(("Cam:MaxUploadBytes", "1234"), ("Cam:MaxPixels", "5678"), ("Cam:Precision", "float32")))
            .AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();

        using var cam = provider.GetRequiredService<CamService>();

        Assert.Equal(1234, cam.Limits.MaxBytes);
        Assert.Equal(5678, cam.Limits.MaxPixels);
        Assert.Equal(CamPrecision.Float32, cam.Precision);
    }

    [Fact]
    public async Task An_unknown_Cam_Precision_stops_the_host_at_start_up()
    {
        using var state = new TempFolder();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cam:Precision"] = "fp8" });
        builder.Services.AddLabEngine(o => o.StateRoot = state.Path);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cam:Precision", error.Message);
    }

    [Fact]
    public void The_engine_reads_its_LABDASHBOARD_variables_from_the_configuration()
    {
        using var state = new TempFolder();
        using var provider = new ServiceCollection()
            .AddSingleton(Configuration(
                (EngineEnvironmentOptions.DatasetMirrorVariable, "http://mirror.test/"),
                (EngineEnvironmentOptions.OxfordPetUrlVariable, "http://pets.test/"),
                (EngineEnvironmentOptions.TorchvisionWeightsUrlVariable, "http://weights.test/r18.pth"),
                (EngineEnvironmentOptions.NativeHeapVariable, "default")))
            .AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EngineEnvironmentOptions>>().Value;

        Assert.Equal("http://mirror.test/", options.DatasetMirror);
        Assert.Equal("http://pets.test/", options.OxfordPetUrl);
        Assert.Equal("http://weights.test/r18.pth", options.TorchvisionWeightsUrl);
        Assert.False(options.KeepNativeHeap);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static async Task<RunEvent> LastEvent(IAsyncEnumerable<RunEvent> events)
    {
        RunEvent? last = null;
        await foreach (var e in events.WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token)) last = e;
        return last!;
    }
}
