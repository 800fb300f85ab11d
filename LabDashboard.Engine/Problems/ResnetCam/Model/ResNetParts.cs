using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>
/// TorchSharp's ResNet keeps its layers in private fields; this reaches them by name so the trunk
/// (up to layer4, for CAM) and the head can be run separately.
/// </summary>
internal sealed class ResNetParts
{
    private readonly Dictionary<string, Module<Tensor, Tensor>> _children;

    private ResNetParts(ResNet model) =>
        _children = model.named_children().ToDictionary(c => c.name, c => (Module<Tensor, Tensor>)c.module);

    public static ResNetParts Of(ResNet model) => new(model);

    /// <summary>The fc layer (Linear(512, 1) for cats vs dogs).</summary>
    public Linear Head => (Linear)_children["fc"];

    /// <summary>layer4's feature map.</summary>
    public Tensor Layer4(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _children["maxpool"].call(_children["relu"].call(_children["bn1"].call(_children["conv1"].call(input))));
        foreach (var layer in new[] { "layer1", "layer2", "layer3", "layer4" })
            x = _children[layer].call(x);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Logits [N] from layer4's map: global average pool, then the head.</summary>
    public Tensor Logits(Tensor layer4) => Head.call(layer4.mean([2, 3])).squeeze(1);
}
