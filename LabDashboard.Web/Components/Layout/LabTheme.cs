using MudBlazor;

namespace LabDashboard.Web.Components.Layout;

/// <summary>The dashboard's palette (light and dark).</summary>
public static class LabTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3f51b5", Secondary = "#00897b", AppbarBackground = "#3f51b5" },
        PaletteDark = new PaletteDark { Primary = "#8c9eff", Secondary = "#4db6ac" },
    };
}
