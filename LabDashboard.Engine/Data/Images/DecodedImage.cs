using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Data.Images;

/// <summary>An image as interleaved RGB bytes (row-major, 3 bytes per pixel).</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Rgb">Width × Height × 3 bytes.</param>
public sealed record RgbImage(int Width, int Height, byte[] Rgb);

/// <summary>A decoded upload: the image resized for the model, its original size, format and notices.</summary>
/// <param name="Image">Oriented, RGB, resized.</param>
/// <param name="Format">The detected format.</param>
/// <param name="OriginalWidth">Width before resizing (after orientation).</param>
/// <param name="OriginalHeight">Height before resizing (after orientation).</param>
/// <param name="Notices">Things the user should know (e.g. only the first frame of an animation was used).</param>
public sealed record DecodedImage(RgbImage Image, AcceptedImageFormat Format, int OriginalWidth, int OriginalHeight, IReadOnlyList<LocalizableText> Notices)
{
    /// <summary>1 for a full decode; 2, 4 or 8 when a large JPEG was decoded at that fraction of its size (libjpeg-turbo's scaled inverse DCT).</summary>
    public int DecodeReduction { get; init; } = 1;
}
