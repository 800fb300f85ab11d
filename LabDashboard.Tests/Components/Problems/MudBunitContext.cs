using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace LabDashboard.Tests.Components.Problems;

/// <summary>
/// A bUnit context with MudBlazor's services and loose JS interop. Disposed asynchronously:
/// some MudBlazor services (KeyInterceptorService) only implement IAsyncDisposable.
/// </summary>
public abstract class MudBunitContext : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected MudBunitContext()
    {
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : IComponent =>
        Context.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
