using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Data.Images;

/// <summary>Why an image was refused (the web layer maps each to an HTTP status).</summary>
public enum ImageRejection
{
    /// <summary>More bytes than the cap (413).</summary>
    TooLarge,
    /// <summary>Not an image, or not an accepted format (415).</summary>
    UnsupportedFormat,
    /// <summary>Truncated or undecodable (422).</summary>
    Undecodable,
    /// <summary>More pixels than the cap (422).</summary>
    TooManyPixels,
}

/// <summary>An image was refused before or while decoding; the message is safe to show a user.</summary>
public sealed class ImageRejectedException(ImageRejection reason, LocalizableText message, Exception? inner = null)
    : LocalizableException(message, inner)
{
    /// <summary>Why.</summary>
    public ImageRejection Reason { get; } = reason;
}
