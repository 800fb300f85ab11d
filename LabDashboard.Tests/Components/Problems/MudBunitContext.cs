using Bunit;
using MudBlazor.Services;

namespace LabDashboard.Tests.Components.Problems;

/// <summary>
/// A bUnit context with MudBlazor's services and loose JS interop, for components that need no run
/// service (<see cref="LabComponentTest"/> adds one). Disposed asynchronously: some MudBlazor services
/// (KeyInterceptorService) only implement IAsyncDisposable.
/// </summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
