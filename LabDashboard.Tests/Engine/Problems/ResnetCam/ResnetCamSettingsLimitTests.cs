using System.Text.Json;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>A whole-network batch is limited by batch × pixels (the exam's 32 at 512 px fits); the head's batch is not.</summary>
public class ResnetCamSettingsLimitTests
{
    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"trainBackbone": true}""", true)]
    [InlineData("""{"trainBackbone": false, "imageSize": "512", "batchSize": 1024}""", true)]
    [InlineData("""{"trainBackbone": true, "imageSize": "224", "batchSize": 167}""", true)]
    [InlineData("""{"trainBackbone": true, "imageSize": "224", "batchSize": 168}""", false)]
    [InlineData("""{"trainBackbone": true, "imageSize": "512", "batchSize": 33}""", false)]
    [InlineData("""{"trainBackbone": true, "imageSize": "512", "batchSize": 1024}""", false)]
    public void Whole_network_batches_up_to_the_exams_pixels_fit_and_the_head_only_batch_is_free(string settings, bool fits)
    {
        foreach (var cuda in new[] { false, true })
        {
            var bound = SettingsBinder.Bind(ResnetCamSettings.Schema(cuda), JsonDocument.Parse(settings).RootElement);

            Assert.Equal(fits, ResnetCamSettings.BatchMemory(bound) is null);
        }
    }

    [Fact]
    public void The_exams_settings_are_accepted_when_submitted()
    {
        var problem = new ResnetCamProblem();
        var exam = JsonSerializer.SerializeToElement(ResnetCamExam.Settings);

        Assert.Null(problem.Descriptor.SettingsLimit!(SettingsBinder.Bind(problem.Descriptor.Settings, exam)));
    }
}
