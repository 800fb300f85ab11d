using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>The iris MLP: 4 inputs → hidden layers (activation, dropout) → 3 logits.</summary>
internal static class IrisModel
{
    public const int Inputs = 4;
    public const int Classes = 3;

    public static TorchSharp.Modules.Sequential Build(IReadOnlyList<int> hidden, string activation, double dropout)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        var width = Inputs;
        for (var i = 0; i < hidden.Count; i++)
        {
            layers.Add(($"fc{i + 1}", Linear(width, hidden[i])));
            layers.Add(($"act{i + 1}", Activation(activation)));
            if (dropout > 0) layers.Add(($"drop{i + 1}", Dropout(dropout)));
            width = hidden[i];
        }
        layers.Add(("out", Linear(width, Classes)));
        return Sequential(layers.ToArray());
    }

    private static Module<Tensor, Tensor> Activation(string name) => name switch
    {
        "tanh" => Tanh(),
        "sigmoid" => Sigmoid(),
        "gelu" => GELU(),
        _ => ReLU(),
    };
}
