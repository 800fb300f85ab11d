using Bunit;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Devices;
using LabDashboard.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LabDashboard.Tests.Components.Shared;

public class RunWorkerChipTests : LabComponentTest
{
    [Fact]
    public void In_a_lab_cluster_the_chip_names_the_worker_and_the_device_kind_the_problem_prefers()
    {
        Services.AddSingleton(Options.Create(new LabClusterOptions { Mode = ClusterMode.Orleans }));

        var heavy = Render<RunWorkerChip>(p => p.Add(c => c.Worker, "gpu-1").Add(c => c.Prefers, DeviceKind.Cuda)).Find("[data-testid=run-worker]");
        var unknown = Render<RunWorkerChip>(p => p.Add(c => c.Worker, "cpu-1")).Find("[data-testid=run-worker]");

        Assert.Equal("Worker: gpu-1. Worker that ran this run; its problem prefers a CUDA worker", heavy.GetAttribute("aria-label"));
        Assert.Equal("Worker: cpu-1. Worker that ran this run", unknown.GetAttribute("aria-label"));
    }
}
