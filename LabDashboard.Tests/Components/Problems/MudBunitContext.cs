using Bunit;
using MudBlazor.Services;

namespace LabDashboard.Tests.Components.Problems;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop (MudBlazor calls JS we do not test).</summary>
public abstract class MudBunitContext : BunitContext
{
    protected MudBunitContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
