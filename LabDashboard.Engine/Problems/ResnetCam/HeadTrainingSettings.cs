using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>How the head-only mode makes a head that holds on photos unlike its training set.</summary>
/// <param name="AugmentedViews">Augmented views per training photo, besides the plain one.</param>
/// <param name="BalanceBreeds">Draw rows so every breed weighs the same within its class, and both classes the same.</param>
/// <param name="WeightDecay">Adam's L2 penalty on the head.</param>
/// <param name="Patience">Epochs without a better validation loss before stopping; 0 = no early stopping.</param>
/// <param name="UnseenBreeds">Run the leave-one-breed-out evaluation.</param>
internal sealed record HeadTrainingSettings(int AugmentedViews, bool BalanceBreeds, double WeightDecay, int Patience, bool UnseenBreeds)
{
    /// <summary>The defaults (chosen by the sweep in the README's problem 7 section).</summary>
    public static HeadTrainingSettings Default { get; } = new(AugmentedViews: 0, BalanceBreeds: false, WeightDecay: 1e-4, Patience: 20, UnseenBreeds: true);

    /// <summary>Share of the training photos of each breed held out to pick the best epoch.</summary>
    public const double ValidationFraction = 0.15;

    /// <summary>True when a validation split picks the epoch.</summary>
    public bool EarlyStopping => Patience > 0;

    public LocalizableText Describe() => ResnetCamTexts.HeadRecipe.Format(
        AugmentedViews, (BalanceBreeds ? ResnetCamTexts.BreedsBalanced : ResnetCamTexts.BreedsAsDrawn).Format(), $"{WeightDecay:G3}");
}
