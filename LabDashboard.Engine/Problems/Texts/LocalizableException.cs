namespace LabDashboard.Engine.Problems.Texts;

/// <summary>An error the engine words itself: its message is <see cref="Text"/>'s English, and pages show <see cref="Text"/> by its key.</summary>
/// <param name="text">What went wrong, keyed.</param>
/// <param name="inner">The cause, if any.</param>
public class LocalizableException(LocalizableText text, Exception? inner = null) : Exception(text.ToString(), inner)
{
    /// <summary>The message as a key and arguments.</summary>
    public LocalizableText Text { get; } = text;
}
