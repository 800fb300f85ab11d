namespace LabDashboard.Web.Components.Problems.ParamCount;

/// <summary>Quiz state: the user's pick per pair and whether all answers are revealed.</summary>
public sealed class ParamCountQuiz
{
    private readonly Dictionary<int, string> _picks = [];

    /// <summary>True once "Show answers" was pressed.</summary>
    public bool AnswersShown { get; private set; }

    /// <summary>The pick for a pair, or null.</summary>
    public string? PickFor(int pair) => _picks.GetValueOrDefault(pair);

    /// <summary>Records a pick; the first pick per pair counts.</summary>
    public void Pick(int pair, string choice)
    {
        if (!AnswersShown) _picks.TryAdd(pair, choice);
    }

    /// <summary>Reveals every answer.</summary>
    public void ShowAnswers() => AnswersShown = true;

    /// <summary>Starts again.</summary>
    public void Reset()
    {
        _picks.Clear();
        AnswersShown = false;
    }

    /// <summary>True when the pair's counts and answer may be shown.</summary>
    public bool IsRevealed(int pair) => AnswersShown || _picks.ContainsKey(pair);

    /// <summary>Picks that match the answers.</summary>
    public int Correct(IEnumerable<(int Pair, string Answer)> answers) =>
        answers.Count(a => PickFor(a.Pair) == a.Answer);

    /// <summary>How many pairs have a pick.</summary>
    public int Answered => _picks.Count;
}
