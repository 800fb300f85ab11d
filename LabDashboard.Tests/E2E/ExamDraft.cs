namespace LabDashboard.Tests.E2E;

/// <summary>
/// Problem pages opened as a draft with the exam's settings. A page without settings in its URL shows
/// the latest run and "Train again" repeats that run's settings, which another test on the shared
/// server may have changed; settings in the URL always open a draft.
/// </summary>
public static class ExamDraft
{
    public const string ExpMle = "/problems/exp-mle?steps=1000";
    public const string FreeFall = "/problems/free-fall?epochs=1000";
}
