using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>Saves a "model" file in its own folder per run, as the fashion, GAN and resnet-cam stores do.</summary>
internal sealed class ModelProblem : IProblem
{
    public static readonly string ModelsFolder = Path.Combine("models", "model-test");

    public ProblemDescriptor Descriptor { get; } = new("models", 93, "Models", "Test problem.", [], [], []) { RunFolders = [ModelsFolder] };

    public void Run(RunContext context) =>
        File.WriteAllText(Path.Combine(context.Paths.StateFolder(ModelsFolder, context.RunId), "model.json"), "{}");
}
