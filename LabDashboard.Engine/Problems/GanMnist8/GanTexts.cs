using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>gan-mnist8's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
internal static class GanTexts
{
    public static readonly TextTemplate DigitCheck = new("gan-mnist8.check.digit", "Samples look like the digit");
    public static readonly TextTemplate DigitDetail = new("gan-mnist8.check.digit.detail", "The classifier gives the final grid a mean probability of {0} of being a {1} (goal ≥ {2}); {3} of its samples reach p ≥ {4}. Best grid: epoch {5} ({6}).");
    public static readonly TextTemplate TrainingOn = new("gan-mnist8.log.trainingOn", "Training on {0} MNIST training images of the digit {1}.");
    public static readonly TextTemplate ClassifierLoaded = new("gan-mnist8.log.classifierLoaded", "Digit classifier loaded from the state folder (MNIST test accuracy {0}).");
    public static readonly TextTemplate ClassifierTraining = new("gan-mnist8.progress.classifierTraining", "Training the MNIST digit classifier that judges the samples (once; cached afterwards)");
    public static readonly TextTemplate ClassifierTrained = new("gan-mnist8.progress.classifierTrained", "Digit classifier trained: MNIST test accuracy {0}.");
}
