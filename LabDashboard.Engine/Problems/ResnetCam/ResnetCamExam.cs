using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>The exam's own recipe for problem 7, which the CPU default departs from.</summary>
public static class ResnetCamExam
{
    /// <summary>Whole network, 512 px, Adam 1e-5, batch 32, 3 epochs, by setting name (the others keep their defaults).</summary>
    public static IReadOnlyDictionary<string, object> Settings { get; } = new Dictionary<string, object>(StringComparer.Ordinal)
    {
        [ResnetCamSettings.Names.TrainBackbone] = true,
        [ResnetCamSettings.Names.ImageSize] = "512",
        [ResnetCamSettings.Names.Lr] = 1e-5,
        [ResnetCamSettings.Names.BatchSize] = 32,
        [ResnetCamSettings.Names.Epochs] = 3,
    };

    /// <summary>The recipe in words.</summary>
    public static LocalizableText Describe => ResnetCamTexts.ExamRecipe.Format();
}
