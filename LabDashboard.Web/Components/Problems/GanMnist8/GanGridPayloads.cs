using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Shared;
using LabDashboard.Web.Runs;

namespace LabDashboard.Web.Components.Problems.GanMnist8;

/// <summary>Reads a run's grid images and their per-epoch caption payloads (<c>grid-e50</c>, …).</summary>
public static class GanGridPayloads
{
    /// <summary>The epochs that have a grid image, ascending.</summary>
    public static IReadOnlyList<int> GridEpochs(RunView? run) => run is null
        ? []
        : run.Images.Where(i => i.Name == GanGridData.ImageName).Select(i => i.Epoch).Distinct().Order().ToList();

    /// <summary>The captions of the grid of <paramref name="epoch"/>, or null when they have not arrived.</summary>
    public static GanGridData? Captions(RunView? run, int epoch) =>
        run?.Data.TryGetValue(GanGridData.PayloadName(epoch), out var json) == true ? TypedPayload.Read<GanGridData>(json) : null;

    /// <summary>The grid image's URL for <paramref name="epoch"/>.</summary>
    public static string ImageUrl(string runId, int epoch) => ImageRef.UrlFor(runId, GanGridData.ImageName, epoch);
}
