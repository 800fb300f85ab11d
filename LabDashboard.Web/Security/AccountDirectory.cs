using LabDashboard.Engine.Runs;
using Microsoft.EntityFrameworkCore;

namespace LabDashboard.Web.Security;

/// <summary>Names owners for people: an account's e-mail for a user id (classroom mode); <see cref="RunOwners.Local"/> stays as it is.</summary>
public sealed class AccountDirectory(LabMode mode, IServiceScopeFactory scopes)
{
    /// <summary>The e-mail of each id that is an account; ids without one are left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EmailsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (!mode.Classroom || ids.Count == 0) return new Dictionary<string, string>();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<LabUsersDb>().Users;
        return await users.Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, cancellationToken);
    }
}
