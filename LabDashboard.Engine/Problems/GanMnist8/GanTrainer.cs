using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>One epoch's means: losses and the discriminator's mean output on real and on generated images.</summary>
internal readonly record struct GanEpochMetrics(double LossD, double LossG, double DReal, double DFake);

/// <summary>
/// The lecture's GAN loop: per batch, a discriminator step on real and detached fake images, then
/// a generator step pushing D(G(z)) towards the "real" label. Fresh noise for every batch.
/// </summary>
internal sealed class GanTrainer : IDisposable
{
    private readonly GanSettings _settings;
    private readonly Tensor _real;
    private readonly torch.optim.Optimizer _optimizerD;
    private readonly torch.optim.Optimizer _optimizerG;
    private readonly ShuffledBatches _batches;
    private readonly BCELoss _bce = torch.nn.BCELoss();

    /// <summary>
    /// Creates fresh networks on <paramref name="real"/>'s device; seed the global RNG first (initial
    /// weights and noise come from it; the batch order has its own generator, seeded from the settings).
    /// </summary>
    public GanTrainer(GanSettings settings, Tensor real)
    {
        _settings = settings;
        _real = real;
        Generator = new GanGenerator(settings.NoiseDim, settings.Hidden).to(real.device);
        Discriminator = new GanDiscriminator().to(real.device);
        _optimizerD = new OptimizerSpec(OptimizerSpec.Adam, settings.LrD, Beta1: 0.5, Beta2: 0.999).Create(Discriminator.parameters());
        _optimizerG = new OptimizerSpec(OptimizerSpec.Adam, settings.LrG, Beta1: 0.5, Beta2: 0.999).Create(Generator.parameters());
        _batches = new ShuffledBatches(real.shape[0], settings.BatchSize, settings.Seed);
    }

    /// <summary>The generator being trained.</summary>
    public GanGenerator Generator { get; }

    /// <summary>The discriminator being trained.</summary>
    public GanDiscriminator Discriminator { get; }

    /// <summary>
    /// Autograd leaves about 4.6 KB per sample to the finalizers (27 MB per full-batch epoch of
    /// 5,851 eights): collecting every ~20,000 samples keeps RSS flat within ~100 MB.
    /// </summary>
    public static int StepsBetweenCollections(GanSettings settings, long count)
    {
        const long samplesBetweenCollections = 20_000;
        var batch = settings.BatchSize <= 0 ? count : Math.Min(settings.BatchSize, count);
        return (int)Math.Max(1, samplesBetweenCollections / Math.Max(1, batch));
    }

    /// <summary>One pass over the real images; every batch is one scaffold step.</summary>
    public GanEpochMetrics TrainEpoch(TrainingScaffold scaffold)
    {
        var sum = new GanEpochMetrics();
        var batches = 0;
        foreach (var batch in _batches.NextEpoch(_real.device))
        {
            var m = scaffold.Step(() => Step(batch.Select(_real)));
            sum = new GanEpochMetrics(sum.LossD + m.LossD, sum.LossG + m.LossG, sum.DReal + m.DReal, sum.DFake + m.DFake);
            batches++;
        }
        return new GanEpochMetrics(sum.LossD / batches, sum.LossG / batches, sum.DReal / batches, sum.DFake / batches);
    }

    private GanEpochMetrics Step(Tensor real)
    {
        var labels = _settings.Labels;
        var noise = torch.randn(real.shape[0], _settings.NoiseDim, device: real.device);
        var fake = Generator.forward(noise);

        var dReal = Discriminator.forward(real);
        var dFake = Discriminator.forward(fake.detach());
        var lossD = _bce.forward(dReal, torch.full_like(dReal, labels.Real))
                  + _bce.forward(dFake, torch.full_like(dFake, labels.Fake));
        _optimizerD.zero_grad();
        lossD.backward();
        _optimizerD.step();

        var dFakeForG = Discriminator.forward(fake);
        var lossG = _bce.forward(dFakeForG, torch.full_like(dFakeForG, labels.Real));
        _optimizerG.zero_grad();
        lossG.backward();
        _optimizerG.step();

        return new GanEpochMetrics(lossD.item<float>(), lossG.item<float>(), dReal.mean().item<float>(), dFake.mean().item<float>());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _optimizerD.Dispose();
        _optimizerG.Dispose();
        _bce.Dispose();
        _batches.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
