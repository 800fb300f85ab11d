using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Data.Images;

/// <summary>Why an uploaded image was refused, and what was done to it, keyed for the pages' languages.</summary>
internal static class ImageTexts
{
    public static readonly TextTemplate TooManyBytes = new("image.error.tooManyBytes", "The file is {0} bytes; the limit is {1}.");
    public static readonly TextTemplate Empty = new("image.error.empty", "The file is empty.");
    public static readonly TextTemplate NotAccepted = new("image.error.notAccepted", "Not an image in an accepted format (JPEG, PNG, WebP, BMP, GIF).");
    public static readonly TextTemplate Truncated = new("image.error.truncated", "The {0} file is truncated (no end marker).");
    public static readonly TextTemplate TooManyPixels = new("image.error.tooManyPixels", "{0}×{1} is {2} pixels; the limit is {3}.");
    public static readonly TextTemplate Header = new("image.error.header", "The {0} header cannot be read.");
    public static readonly TextTemplate Undecodable = new("image.error.undecodable", "The {0} image cannot be decoded (damaged, or a variant that is not supported).");
    public static readonly TextTemplate JpegEndsEarly = new("image.error.jpegEndsEarly", "The JPEG's image data ends early (the file is cut short or damaged).");
    public static readonly TextTemplate JpegHeader = new("image.error.jpegHeader", "The JPEG header cannot be read.");
    public static readonly TextTemplate JpegTruncated = new("image.error.jpegTruncated", "The JPEG is truncated: its image data ends early.");
    public static readonly TextTemplate JpegDamaged = new("image.error.jpegDamaged", "The JPEG is damaged: its data is invalid.");
    public static readonly TextTemplate JpegUndecodable = new("image.error.jpegUndecodable", "The JPEG cannot be decoded.");
    public static readonly TextTemplate Animated = new("image.notice.animated", "Animated {0}: only the first frame is used.");
}
