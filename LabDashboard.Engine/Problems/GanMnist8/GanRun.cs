using System.Diagnostics;
using LabDashboard.Engine.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>One training run of the GAN: the epoch loop, grids from a fixed noise batch, saving, results.</summary>
internal sealed class GanRun(RunContext context, GanSettings settings, Tensor real, (NetworkWeights Weights, double TestAccuracy) classifier)
{
    private readonly GanModelStore _models = new(context.Artifacts);
    private readonly TrainingScaffold _scaffold = new(context, GanTrainer.StepsBetweenCollections(settings, real.shape[0]));
    private GanEpochMetrics _last;
    private GanSamples? _lastGrid;
    private (int Epoch, double Confidence) _bestGrid = (0, double.NegativeInfinity);

    public void Execute()
    {
        torch.random.manual_seed(settings.Seed);
        using var trainer = new GanTrainer(settings, real);
        using var noise = FixedNoise();
        var clock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            _last = trainer.TrainEpoch(_scaffold);
            var metrics = EpochMetrics(_last);
            if (epoch % settings.GridEvery == 0 || epoch == settings.Epochs)
                PublishGrid(trainer, noise, epoch, metrics);
            context.Epoch(epoch, _scaffold.Steps, metrics);
        }
        Report(clock.Elapsed.TotalSeconds / settings.Epochs);
    }

    /// <summary>The grid's noise: fixed for the whole run, drawn from its own generator so it leaves training's RNG stream alone.</summary>
    private Tensor FixedNoise()
    {
        using var generator = new torch.Generator((ulong)settings.Seed);
        return torch.randn([settings.GridSize, settings.NoiseDim], generator: generator).to(real.device);
    }

    private void PublishGrid(GanTrainer trainer, Tensor noise, int epoch, Dictionary<string, double> metrics)
    {
        var samples = GanSamples.From(trainer.Generator.forward, trainer.Discriminator.forward, classifier.Weights, noise, settings.Digit);
        context.Image(GanGridData.ImageName, epoch, SampleGridImage.Png(samples.Pixels, samples.Count));
        context.Data(GanGridData.PayloadName(epoch), GanGridData.From(samples, epoch, settings.Digit, settings.Labels), epoch);
        metrics[GanMetrics.TargetShare] = samples.TargetShare;
        metrics[GanMetrics.TargetConfidence] = samples.TargetConfidence;
        _lastGrid = samples;
        if (samples.TargetConfidence >= _bestGrid.Confidence) _bestGrid = (epoch, samples.TargetConfidence);
        using var generator = NetworkWeights.From(trainer.Generator);
        using var discriminator = NetworkWeights.From(trainer.Discriminator);
        _models.Save(new SavedGanInfo(context.RunId, settings.NoiseDim, settings.Hidden, settings.Digit, settings.Labels.Name, epoch, DateTimeOffset.UtcNow),
            generator, discriminator);
    }

    private static Dictionary<string, double> EpochMetrics(GanEpochMetrics m) => new()
    {
        [GanMetrics.LossD] = m.LossD,
        [GanMetrics.LossG] = m.LossG,
        [GanMetrics.DReal] = m.DReal,
        [GanMetrics.DFake] = m.DFake,
    };

    private void Report(double secondsPerEpoch)
    {
        foreach (var (name, value) in EpochMetrics(_last)) context.Result(name, value);
        context.Result(GanMetrics.TargetShare, _lastGrid!.TargetShare);
        context.Result(GanMetrics.TargetConfidence, _lastGrid.TargetConfidence);
        context.Result(GanMetrics.ClassifierTestAcc, classifier.TestAccuracy);
        context.Result(GanMetrics.SecondsPerEpoch, secondsPerEpoch);
        context.Check(GanTexts.DigitCheck.Format(), _lastGrid.TargetConfidence >= TargetConfidenceGoal,
            GanTexts.DigitDetail.Format($"{_lastGrid.TargetConfidence:P0}", settings.Digit, $"{TargetConfidenceGoal:P0}",
                $"{_lastGrid.TargetShare:P0}", $"{GanSamples.ConfidentProbability}", _bestGrid.Epoch, $"{_bestGrid.Confidence:P0}"));
    }

    /// <summary>
    /// The check judges the grid's mean probability rather than the share above p = 0.9: the
    /// lecture's GAN collapses to nearly one image, so that share jumps between 0 and 1 as the
    /// single drawing's probability drifts around 0.9 late in training. Measured on the exam's
    /// settings: an untrained generator ≈ 0.30, the collapsed late eights 0.80–0.91, the best 0.999.
    /// </summary>
    internal const double TargetConfidenceGoal = 0.5;
}
