using LabDashboard.Engine.Runs.Artifacts;
using TorchSharp;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>A grid made by <see cref="GanSampleService.Generate"/>: the PNG, its captions and the seed that made it.</summary>
/// <param name="Png">The grid image.</param>
/// <param name="Data">Per-tile discriminator outputs and digit probabilities.</param>
/// <param name="Seed">The noise seed; the same seed gives the same grid.</param>
public sealed record GeneratedGrid(byte[] Png, GanGridData Data, long Seed);

/// <summary>
/// "Generate": new samples from a saved generator, without training. Runs on the CPU, in
/// process, beside any training run: it draws noise from its own <see cref="torch.Generator"/>
/// and never touches the global RNG.
/// </summary>
/// <param name="artifacts">Where runs saved their generators (and the digit classifier its weights).</param>
public sealed class GanSampleService(IRunArtifactStore artifacts)
{
    /// <summary>Most samples one call may ask for.</summary>
    public const int MaxCount = 100;

    private readonly GanModelStore _models = new(artifacts);
    private readonly DigitClassifierStore _classifiers = new(artifacts);

    /// <summary>Ids of runs with a saved generator, newest first.</summary>
    public IReadOnlyList<string> SavedRunIds() => _models.All().Select(info => info.RunId).ToList();

    /// <summary>True when <paramref name="runId"/> saved a generator (runs save at every grid epoch).</summary>
    public bool HasGenerator(string runId) => _models.Find(runId) is not null;

    /// <summary>
    /// Draws <paramref name="count"/> samples from the generator saved by <paramref name="runId"/>;
    /// null when that run saved none. A null <paramref name="seed"/> picks a fresh one.
    /// </summary>
    public GeneratedGrid? Generate(string runId, int count, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        if (_models.Find(runId) is not { } info) return null;
        var noiseSeed = seed ?? Random.Shared.NextInt64(0, int.MaxValue);
        using var classifier = _classifiers.TryLoad()?.Weights
            ?? throw new InvalidOperationException("The digit classifier is missing from the state folder; train a gan-mnist8 run to rebuild it.");
        var (generator, discriminator) = _models.Load(info);
        using (generator)
        using (discriminator)
        using (var noiseGenerator = new torch.Generator((ulong)noiseSeed))
        using (var noise = torch.randn([count, info.NoiseDim], generator: noiseGenerator))
        {
            var samples = GanSamples.From(
                z => GanGenerator.Forward(generator, z), images => GanDiscriminator.Forward(discriminator, images), classifier, noise, info.Digit);
            var data = GanGridData.From(samples, 0, info.Digit, GanLabels.Named(info.Labels));
            return new GeneratedGrid(SampleGridImage.Png(samples.Pixels, samples.Count), data, noiseSeed);
        }
    }
}
