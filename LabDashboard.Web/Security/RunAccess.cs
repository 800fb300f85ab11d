using System.Collections.Concurrent;
using System.Security.Claims;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace LabDashboard.Web.Security;

/// <summary>Who acts on runs: the owner their new runs get, and whether they see and control everyone's.</summary>
/// <param name="Owner">A user id, <see cref="RunOwners.Local"/>, or null for nobody (not signed in: owns and starts nothing).</param>
/// <param name="SeesAll">An instructor, or anyone on a loopback server.</param>
/// <param name="Email">The signed-in account's e-mail, for display.</param>
public sealed record RunCaller(string? Owner, bool SeesAll, string? Email = null)
{
    /// <summary>The single user of a loopback server.</summary>
    public static readonly RunCaller Local = new(RunOwners.Local, SeesAll: true);

    /// <summary>Someone not signed in on a classroom server.</summary>
    public static readonly RunCaller Nobody = new(null, SeesAll: false);

    /// <summary>True when this caller may see and control what <paramref name="owner"/> owns (a run, an exam); false for a null owner (unknown).</summary>
    public bool Owns(string? owner) => owner is not null && (SeesAll || owner == Owner);
}

/// <summary>
/// The ownership rules, in one place: on loopback everyone is <see cref="RunCaller.Local"/>; in
/// classroom mode a student sees and controls their own runs and an instructor
/// (listed in <see cref="ClassroomOptions.Instructors"/>, read on every call, and registered with the
/// instructor code: <see cref="InstructorAccounts"/>) all of them. Every endpoint, hub
/// method and page reaches runs through the <see cref="UserRuns"/> it hands out.
/// </summary>
public sealed class RunAccess(IRunService runs, LabMode mode, IOptionsMonitor<ClassroomOptions> options)
{
    // A run's owner never changes; reading it costs a full read of a stored run, so it is read once.
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <summary>The caller <paramref name="user"/> is.</summary>
    public RunCaller CallerOf(ClaimsPrincipal? user)
    {
        if (!mode.Classroom) return RunCaller.Local;
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
            return RunCaller.Nobody;
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name;
        return new RunCaller(id, user.ProvedInstructor() && options.CurrentValue.Lists(email), email);
    }

    /// <summary>The runs as <paramref name="user"/> may see and steer them.</summary>
    public UserRuns For(ClaimsPrincipal? user) => new(runs, this, CallerOf(user));

    /// <summary>True when <paramref name="caller"/> may see and control the run; false for runs of others and unknown runs alike.</summary>
    public bool Allows(RunCaller caller, string runId)
    {
        return caller.SeesAll || (caller.Owner is not null && caller.Owns(OwnerOf(runId)));
    }

    internal void Remember(string runId, string owner) => _owners[runId] = owner;

    internal void Forget(string runId) => _owners.TryRemove(runId, out _);

    private string? OwnerOf(string runId)
    {
        if (_owners.TryGetValue(runId, out var owner)) return owner;
        if (runs.Summary(runId) is not { } summary) return null;
        return _owners[runId] = summary.Owner;
    }
}

/// <summary>Registers <see cref="RunAccess"/> and, for components, the circuit's <see cref="UserRuns"/>.</summary>
public static class RunAccessServices
{
    /// <summary>Adds the rules and a scoped <see cref="UserRuns"/> for the signed-in user of the circuit or request.</summary>
    public static IServiceCollection AddRunAccess(this IServiceCollection services) => services
        .AddSingleton<RunAccess>()
        .AddScoped(sp => sp.GetRequiredService<RunAccess>().For(CircuitUser(sp)));

    private static ClaimsPrincipal? CircuitUser(IServiceProvider services)
    {
        if (!services.GetRequiredService<LabMode>().Classroom) return null;
        // Set before any component is built: from the request while prerendering, from the connection in a circuit.
        var state = services.GetService<AuthenticationStateProvider>()?.GetAuthenticationStateAsync();
        return state is { IsCompletedSuccessfully: true } ? state.Result.User : null;
    }
}
