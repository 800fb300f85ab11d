namespace LabDashboard.Engine.Problems;

/// <summary>The problems the engine knows, by id, in exam order.</summary>
public sealed class ProblemCatalog
{
    private readonly Dictionary<string, IProblem> _byId;

    /// <summary>Creates the catalog from the registered problems.</summary>
    public ProblemCatalog(IEnumerable<IProblem> problems)
    {
        All = problems.OrderBy(p => p.Descriptor.Number).ToList();
        _byId = All.ToDictionary(p => p.Descriptor.Id, StringComparer.Ordinal);
    }

    /// <summary>Every problem, ordered by exam number.</summary>
    public IReadOnlyList<IProblem> All { get; }

    /// <summary>The problem with this id, or null.</summary>
    public IProblem? Find(string id) => _byId.GetValueOrDefault(id);
}
