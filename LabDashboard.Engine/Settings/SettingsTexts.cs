using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Settings;

/// <summary>Why settings were refused, keyed for the pages' languages.</summary>
public static class SettingsTexts
{
    /// <summary>The body is not an object.</summary>
    public static readonly TextTemplate NotAnObject = new("settings.error.notAnObject", "settings must be a JSON object");
    /// <summary>A name the schema does not have.</summary>
    public static readonly TextTemplate Unknown = new("settings.error.unknown", "unknown setting '{0}'");
    /// <summary>A setting and what is wrong with its value.</summary>
    public static readonly TextTemplate Setting = new("settings.error.setting", "'{0}': {1}");
    /// <summary>Settings that would make one run store more images than a run may keep.</summary>
    public static readonly TextTemplate TooManyImages = new("settings.error.tooManyImages",
        "'{0}': these settings would store {1} images, more than one run may keep ({2}, {3}); raise '{0}' or train fewer epochs.");
    /// <summary>An empty field.</summary>
    public static readonly TextTemplate Required = new("settings.error.required", "'{0}': a value is required");
    /// <summary>Not a whole number.</summary>
    public static readonly TextTemplate WholeNumber = new("settings.error.wholeNumber", "expected a whole number");
    /// <summary>Not a number.</summary>
    public static readonly TextTemplate Number = new("settings.error.number", "expected a number");
    /// <summary>NaN or infinite.</summary>
    public static readonly TextTemplate FiniteNumber = new("settings.error.finiteNumber", "expected a finite number");
    /// <summary>Not a bool.</summary>
    public static readonly TextTemplate Boolean = new("settings.error.boolean", "expected true or false");
    /// <summary>Not a string.</summary>
    public static readonly TextTemplate String = new("settings.error.string", "expected a string");
    /// <summary>Not one of the choices.</summary>
    public static readonly TextTemplate OneOf = new("settings.error.oneOf", "expected one of {0}");
    /// <summary>Not a list of whole numbers.</summary>
    public static readonly TextTemplate WholeNumbers = new("settings.error.wholeNumbers", "expected an array of whole numbers");
    /// <summary>Text too long.</summary>
    public static readonly TextTemplate TooLong = new("settings.error.tooLong", "{0} characters; at most {1} are accepted");
    /// <summary>A kind the binder does not know.</summary>
    public static readonly TextTemplate UnsupportedKind = new("settings.error.unsupportedKind", "unsupported setting kind");
    /// <summary>Below the minimum.</summary>
    public static readonly TextTemplate BelowMinimum = new("settings.error.belowMinimum", "{0} is below the minimum {1}");
    /// <summary>Above the maximum.</summary>
    public static readonly TextTemplate AboveMaximum = new("settings.error.aboveMaximum", "{0} is above the maximum {1}");
    /// <summary>What a problem's own validator said (its words, untranslated).</summary>
    public static readonly TextTemplate Refused = new("settings.error.refused", "{0}");
}
