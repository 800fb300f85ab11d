using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>conv-einsum's check names and details, keyed for the pages' languages.</summary>
internal static class ConvEinsumTexts
{
    public static readonly TextTemplate WeightShapeCheck = new("conv-einsum.check.weightShape", "weightShape");
    public static readonly TextTemplate WeightShapeDetail = new("conv-einsum.check.weightShape.detail", "merged weight shape ({0}), expected ({1})");
    public static readonly TextTemplate MergedEqualsSeparateCheck = new("conv-einsum.check.mergedEqualsSeparate", "mergedEqualsSeparate");
    public static readonly TextTemplate MergedEqualsSeparateDetail = new("conv-einsum.check.mergedEqualsSeparate.detail", "merged conv's channels equal the two separate convs on {0} (max |diff| = {1})");
    public static readonly TextTemplate EinsumShapeCheck = new("conv-einsum.check.einsumShape", "einsumShape");
    public static readonly TextTemplate EinsumShapeDetail = new("conv-einsum.check.einsumShape.detail", "einsum output shape ({0}), expected ({1})");
    public static readonly TextTemplate EinsumEqualsLinearCheck = new("conv-einsum.check.einsumEqualsLinear", "einsumEqualsLinear");
    public static readonly TextTemplate EinsumEqualsLinearDetail = new("conv-einsum.check.einsumEqualsLinear.detail", "max |einsum − permute→Linear→permute| = {0} < 1e-6");
}
