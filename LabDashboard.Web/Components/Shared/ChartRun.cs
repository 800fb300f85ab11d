namespace LabDashboard.Web.Components.Shared;

/// <summary>A run a <see cref="LiveChart"/> draws, with its legend label.</summary>
public sealed record ChartRun(string RunId, string Label);
