using System.Reflection;

namespace LabDashboard.Engine.Problems;

/// <summary>Finds the problems of an assembly, so adding a problem folder is all it takes to add a problem.</summary>
internal static class ProblemDiscovery
{
    public static IReadOnlyList<IProblem> InstancesIn(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProblem).IsAssignableFrom(t))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is { IsPublic: true })
            .Select(t => (IProblem)Activator.CreateInstance(t)!)
            .ToList();
}
