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
    public static readonly TextTemplate ExamHorizontal = new("conv-einsum.kernel.examHorizontal", "Exam: horizontal edge");
    public static readonly TextTemplate ExamHorizontalNote = new("conv-einsum.kernel.examHorizontal.note", "Responds where brightness changes from one row to the next (horizontal edges).");
    public static readonly TextTemplate ExamVertical = new("conv-einsum.kernel.examVertical", "Exam: vertical edge");
    public static readonly TextTemplate ExamVerticalNote = new("conv-einsum.kernel.examVertical.note", "Responds where brightness changes from one column to the next (vertical edges).");
    public static readonly TextTemplate SobelX = new("conv-einsum.kernel.sobelX", "Sobel x");
    public static readonly TextTemplate SobelXNote = new("conv-einsum.kernel.sobelX.note", "Horizontal gradient (vertical edges), smoothed across rows.");
    public static readonly TextTemplate SobelY = new("conv-einsum.kernel.sobelY", "Sobel y");
    public static readonly TextTemplate SobelYNote = new("conv-einsum.kernel.sobelY.note", "Vertical gradient (horizontal edges), smoothed across columns.");
    public static readonly TextTemplate Laplacian = new("conv-einsum.kernel.laplacian", "Laplacian");
    public static readonly TextTemplate LaplacianNote = new("conv-einsum.kernel.laplacian.note", "Second derivative: edges in every direction, zero on flat areas.");
    public static readonly TextTemplate BoxBlur = new("conv-einsum.kernel.boxBlur", "Box blur");
    public static readonly TextTemplate BoxBlurNote = new("conv-einsum.kernel.boxBlur.note", "The mean of a 4×4 window: a blur, not an edge detector.");
    public static readonly TextTemplate StepX = new("conv-einsum.step.x", "o = 10 images, c = 3 channels, i×j = 28×28 pixels");
    public static readonly TextTemplate StepW = new("conv-einsum.step.w", "k = 1 output, c = 3 inputs (Linear stores out×in)");
    public static readonly TextTemplate StepEinsum = new("conv-einsum.step.einsum", "sums over c for every image o, output k and pixel (i, j)");
    public static readonly TextTemplate StepChannelsLast = new("conv-einsum.step.channelsLast", "channels last, so Linear sees 3 features per pixel");
    public static readonly TextTemplate StepLinear = new("conv-einsum.step.linear", "3 → 1 on the last axis, for all 10·28·28 pixels");
    public static readonly TextTemplate StepChannelsFirst = new("conv-einsum.step.channelsFirst", "channels first again");
}
