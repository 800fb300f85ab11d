using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using LabDashboard.Web;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>The English and Korean resource files hold the same keys, and Korean templates keep their placeholders.</summary>
public partial class ResourceFilesTests
{
    public static TheoryData<string> Resources => [nameof(SharedResource), nameof(EngineText)];

    [Theory, MemberData(nameof(Resources))]
    public void Every_Korean_key_has_an_English_entry_and_vice_versa(string resource)
    {
        var english = Entries(resource, CultureInfo.InvariantCulture);
        var korean = Entries(resource, CultureInfo.GetCultureInfo("ko"));

        Assert.NotEmpty(english);
        Assert.Empty(korean.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(korean.Keys));
    }

    [Theory, MemberData(nameof(Resources))]
    public void Korean_text_keeps_the_placeholders_of_the_English(string resource)
    {
        var english = Entries(resource, CultureInfo.InvariantCulture);
        var wrong = Entries(resource, CultureInfo.GetCultureInfo("ko"))
            .Where(e => !Placeholders(english[e.Key]).SetEquals(Placeholders(e.Value)))
            .Select(e => e.Key);

        Assert.Empty(wrong);
    }

    [Theory, MemberData(nameof(Resources))]
    public void English_text_is_its_key_unless_the_key_is_an_engine_text_key(string resource)
    {
        var engineKeys = EngineTextKeysTests.Keys().Select(k => k.Key).ToHashSet();

        Assert.All(Entries(resource, CultureInfo.InvariantCulture).Where(e => !engineKeys.Contains(e.Key)), e => Assert.Equal(e.Key, e.Value));
    }

    internal static Dictionary<string, string> Entries(string resource, CultureInfo culture)
    {
        var manager = new ResourceManager($"LabDashboard.Web.Resources.{resource}", typeof(SharedResource).Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} resources for {resource}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
