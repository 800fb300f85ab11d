using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ExpMle;

/// <summary>
/// Problem 3: x ~ Exponential(mean = trueMean); minimise the mean negative log-likelihood
/// log λ + x/λ over λ by gradient descent and compare the result with x̄.
/// </summary>
public sealed class ExpMleProblem : IProblem
{
    /// <summary>How close λ must come to x̄.</summary>
    public const double Tolerance = 1e-3;

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = ExpMleDescriptor.Create();

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = ExpMleSettings.From(context.Settings);
        random.manual_seed(settings.Seed);
        using var sample = DrawSample(settings.N, settings.TrueMean);
        var values = sample.data<float>().ToArray();
        var sampleMean = MeanOf(sample);
        context.Data(ExpMleHistogram.PayloadName, ExpMleHistogram.Of(values, sampleMean, settings.InitLambda));

        using var x = sample.to(context.Device.Device);
        var lambda = Fit(context, settings, x);

        context.Data(ExpMleHistogram.PayloadName, ExpMleHistogram.Of(values, sampleMean, lambda));
        context.Result(ExpMleMetrics.Lambda, lambda);
        context.Result(ExpMleMetrics.SampleMean, sampleMean);
        var gap = Math.Abs(lambda - sampleMean);
        context.Check(ExpMleTexts.GapCheck.Format(), gap < Tolerance, ExpMleTexts.GapDetail.Format($"{lambda:F5}", $"{sampleMean:F5}", $"{gap:G3}"));
    }

    /// <summary>Exactly PyTorch's <c>torch.empty(n).exponential_(1/trueMean)</c> on the CPU generator.</summary>
    internal static Tensor DrawSample(int n, double trueMean) => empty(n).exponential_(1.0 / trueMean);

    private static double MeanOf(Tensor sample)
    {
        using var mean = sample.mean();
        return mean.item<float>();
    }

    private static double Fit(RunContext context, ExpMleSettings settings, Tensor x)
    {
        using var lambda = nn.Parameter(tensor((float)settings.InitLambda, device: context.Device.Device));
        using var optimizer = new OptimizerSpec(settings.Optimizer, settings.Lr).Create([lambda]);
        var scaffold = new TrainingScaffold(context);
        var (steps, reportEvery) = (settings.Steps, settings.ReportEvery);
        for (var step = 1; step <= steps; step++)
        {
            var (loss, current) = scaffold.Step(() =>
            {
                optimizer.zero_grad();
                var nll = (log(lambda) + x / lambda).mean();
                nll.backward();
                optimizer.step();
                return (nll.item<float>(), lambda.item<float>());
            });
            if (step % reportEvery == 0 || step == steps)
                context.Epoch((step + reportEvery - 1) / reportEvery, step, new Dictionary<string, double> { [ExpMleMetrics.Lambda] = current, [ExpMleMetrics.Loss] = loss });
        }
        return lambda.item<float>();
    }
}
