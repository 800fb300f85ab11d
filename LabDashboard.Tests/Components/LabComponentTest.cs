using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Web;
using LabDashboard.Web.Exam;
using LabDashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LabDashboard.Tests.Components;

/// <summary>A bUnit context with MudBlazor, the app's localization and a <see cref="FakeRunService"/>.</summary>
public abstract class LabComponentTest : BunitContext, IAsyncLifetime
{
    internal FakeRunService Runs { get; } = new(TestProblems.Mle);

    protected LabComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLabLocalization();
        Services.AddSingleton<IRunService>(Runs);
        Services.AddSingleton(new LabMode(Classroom: false));
        Services.AddRunAccess();
        // Home's exam button needs the exam's starter; nothing is written unless it is pressed.
        Services.AddSingleton(new LabPaths([], Path.Combine(Path.GetTempPath(), "labdashboard-tests", "components-" + Guid.NewGuid().ToString("N"))));
        Services.AddSingleton<IRunArtifactStore>(sp => new DiskArtifactStore(sp.GetRequiredService<LabPaths>()));
        Services.AddSingleton<ExamStore>();
        Services.AddSingleton<ExamService>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are async-disposable only: xunit must dispose the context asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
