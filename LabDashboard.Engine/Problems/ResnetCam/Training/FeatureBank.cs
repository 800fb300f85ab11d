using LabDashboard.Engine.Problems.ResnetCam.Data;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>Feature rows picked for one head fit: features [R, 512], labels [R] (float32) and the photo of each row.</summary>
internal sealed record HeadRows(Tensor Features, Tensor Labels, int[] Photos) : IDisposable
{
    public int Count => Photos.Length;

    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}

/// <summary>
/// Every cached feature of a run, on the CPU, in one tensor: the plain view of each photo (training photos
/// first, then held-out ones), then <see cref="ViewsPerPhoto"/> augmented views of each training photo, view
/// after view. Photos are numbered by their place in <see cref="Photos"/>. Owns <paramref name="features"/>.
/// </summary>
internal sealed class FeatureBank(IReadOnlyList<PetImage> train, IReadOnlyList<PetImage> test, Tensor features, int viewsPerPhoto) : IDisposable
{
    /// <summary>Training photos, then held-out photos.</summary>
    public IReadOnlyList<PetImage> Photos { get; } = [.. train, .. test];

    /// <summary>Photos 0 .. TrainCount − 1 are the training photos.</summary>
    public int TrainCount { get; } = train.Count;

    public int ViewsPerPhoto { get; } = viewsPerPhoto;

    /// <summary>The training photos' numbers.</summary>
    public IReadOnlyList<int> TrainPhotos => [.. Enumerable.Range(0, TrainCount)];

    /// <summary>The held-out photos' numbers.</summary>
    public IReadOnlyList<int> TestPhotos => [.. Enumerable.Range(TrainCount, Photos.Count - TrainCount)];

    /// <summary>
    /// The plain row of each photo and, with <paramref name="withViews"/>, its augmented rows too (training photos only
    /// have them), on <paramref name="device"/>. The caller disposes the result.
    /// </summary>
    public HeadRows Rows(IReadOnlyList<int> photos, bool withViews, Device device)
    {
        var rows = new List<(long Row, int Photo)>(photos.Select(p => ((long)p, p)));
        if (withViews)
            for (var view = 0; view < ViewsPerPhoto; view++)
                rows.AddRange(photos.Where(p => p < TrainCount).Select(p => (Photos.Count + (long)view * TrainCount + p, p)));
        using var scope = NewDisposeScope();
        var picked = features.index_select(0, tensor(rows.Select(r => r.Row).ToArray())).to(device);
        var labels = tensor(rows.Select(r => (float)Photos[r.Photo].Label).ToArray()).to(device);
        return new HeadRows(picked.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), [.. rows.Select(r => r.Photo)]);
    }

    public void Dispose() => features.Dispose();
}
