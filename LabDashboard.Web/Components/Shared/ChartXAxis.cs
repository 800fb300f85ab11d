namespace LabDashboard.Web.Components.Shared;

/// <summary>What a <see cref="LiveChart"/>'s x axis counts: training steps, epochs (report points) or wall-clock seconds.</summary>
public enum ChartXAxis
{
    Step,
    Epoch,
    Time,
}
