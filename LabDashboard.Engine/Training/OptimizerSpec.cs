using TorchSharp;
using TorchSharp.Modules;

namespace LabDashboard.Engine.Training;

/// <summary>An optimiser chosen by name, as the settings name it, with its hyper-parameters.</summary>
/// <param name="Name"><see cref="Sgd"/> or <see cref="Adam"/>.</param>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="WeightDecay">L2 penalty; 0 = none.</param>
/// <param name="Beta1">Adam's first-moment decay (ignored by SGD).</param>
/// <param name="Beta2">Adam's second-moment decay (ignored by SGD).</param>
public sealed record OptimizerSpec(string Name, double LearningRate, double WeightDecay = 0, double Beta1 = 0.9, double Beta2 = 0.999)
{
    /// <summary>Plain stochastic gradient descent.</summary>
    public const string Sgd = "sgd";

    /// <summary>Adam.</summary>
    public const string Adam = "adam";

    /// <summary>A new optimiser over <paramref name="parameters"/>; the caller disposes it.</summary>
    /// <exception cref="ArgumentException"><see cref="Name"/> is neither <see cref="Sgd"/> nor <see cref="Adam"/>.</exception>
    public torch.optim.Optimizer Create(IEnumerable<Parameter> parameters) => Name switch
    {
        Sgd => torch.optim.SGD(parameters, LearningRate, weight_decay: WeightDecay),
        Adam => torch.optim.Adam(parameters, LearningRate, Beta1, Beta2, weight_decay: WeightDecay),
        _ => throw new ArgumentException($"Unknown optimizer '{Name}'; expected '{Sgd}' or '{Adam}'.", nameof(Name)),
    };
}
