using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>Saves the head and a gallery of held-out images with CAM overlays: mistakes first (most confident first), then correct ones.</summary>
internal static class GalleryBuilder
{
    private const int MaxItems = 24;

    public static void Save(TrainingJob job, TrainingOutcome outcome, TrainedModelStore store)
    {
        var runId = job.Context.RunId;
        store.SaveHead(runId, outcome.HeadWeight, outcome.HeadBias);
        var test = job.Split.Test;
        var chosen = Enumerable.Range(0, test.Count)
            .Select(i => (Index: i, Logit: outcome.TestLogits[i], Mistake: (outcome.TestLogits[i] >= 0 ? 1 : 0) != test[i].Label))
            .OrderByDescending(c => c.Mistake).ThenByDescending(c => Math.Abs(c.Logit))
            .Take(MaxItems).ToList();
        var items = new List<GalleryItem>();
        var pngs = new List<byte[]>();
        foreach (var (index, logit, _) in chosen)
        {
            using var scope = NewDisposeScope();
            var input = job.Test.Read(index);
            var cam = CamRenderer.Render(input, outcome.TestLayer4[index], outcome.HeadWeight, outcome.HeadBias, logit, "magma");
            pngs.Add(RgbPng.Encode(OverlayRenderer.Blend(input, cam.Heatmap, 0.5)));
            items.Add(new GalleryItem($"{items.Count:D3}.png", Path.GetFileName(test[index].Path), test[index].LabelName,
                logit >= 0 ? "dog" : "cat", 1 / (1 + Math.Exp(-logit))));
        }
        store.SaveGallery(runId, items, pngs);
    }
}
