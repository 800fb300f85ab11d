using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>conv-einsum's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
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
    public static readonly TextTemplate Square = new("conv-einsum.sample.square", "Square");
    public static readonly TextTemplate Circle = new("conv-einsum.sample.circle", "Circle");
    public static readonly TextTemplate Stripes = new("conv-einsum.sample.stripes", "Stripes");
    public static readonly TextTemplate FashionSample = new("conv-einsum.sample.fashion", "Fashion #{0}: {1}");
    public static readonly TextTemplate NotAnImage = new("conv-einsum.error.notAnImage", "This file is not an image format I can read (try PNG, JPEG, GIF, BMP or WebP).");
    public static readonly TextTemplate TooSmall = new("conv-einsum.error.tooSmall", "The image is {0} pixels; a 4×4 kernel needs at least 4×4.");
    public static readonly TextTemplate TooLarge = new("conv-einsum.error.tooLarge", "The image is {0} pixels; at most {1} million pixels are accepted.");
    public static readonly TextTemplate Undecodable = new("conv-einsum.error.undecodable", "The image could not be decoded: {0}");
    public static readonly TextTemplate Upload = new("conv-einsum.sample.upload", "{0}");
}
