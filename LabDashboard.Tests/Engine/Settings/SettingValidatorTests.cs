using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Settings;

public class SettingValidatorTests
{
    private static readonly LabPaths Paths = new([], "/state");

    private readonly List<(object Value, SettingCheckContext Context)> _seen = [];

    private IReadOnlyList<SettingSpec> Schema() =>
    [
        SettingSpec.Text("word", "Word", "default") with
        {
            Validator = (value, context) =>
            {
                _seen.Add((value, context));
                return (string)value == "bad" ? "not a good word" : null;
            },
        },
        SettingSpec.Int("n", "N", 1, 0, 10),
    ];

    [Fact]
    public void A_submitted_value_is_validated_with_the_callers_context_and_a_refusal_names_the_setting()
    {
        var context = new SettingCheckContext(Paths);

        var refused = Assert.Throws<SettingsValidationException>(() => SettingsBinder.Bind(Schema(), Json("""{"word": "bad"}"""), context));
        var accepted = SettingsBinder.Bind(Schema(), Json("""{"word": "good", "n": 2}"""), context);

        Assert.Equal(["'word': not a good word"], refused.Errors);
        Assert.Equal("good", accepted.Text("word"));
        Assert.Contains(_seen, s => (string)s.Value == "good" && s.Context.Paths == Paths);
    }

    [Fact]
    public void Defaults_are_not_validated_and_a_value_of_the_wrong_type_never_reaches_the_validator()
    {
        SettingsBinder.Defaults(Schema());
        var wrongType = Assert.Throws<SettingsValidationException>(() => SettingsBinder.Bind(Schema(), Json("""{"word": 3}""")));

        Assert.Equal(["'word': expected a string"], wrongType.Errors);
        Assert.Empty(_seen);
    }

    [Fact]
    public void Text_longer_than_the_cap_is_refused()
    {
        var text = new string('a', SettingSpec.MaxTextLength + 1);

        var error = Assert.Throws<SettingsValidationException>(() => SettingsBinder.Bind([SettingSpec.Text("t", "T", "")], Json(JsonSerializer.Serialize(new { t = text }))));

        Assert.Contains("at most 4096", Assert.Single(error.Errors));
        Assert.Equal(SettingSpec.MaxTextLength, SettingsBinder.Bind([SettingSpec.Text("t", "T", "")], Json(JsonSerializer.Serialize(new { t = text[1..] }))).Text("t").Length);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
