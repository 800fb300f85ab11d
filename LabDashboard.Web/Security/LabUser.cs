using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LabDashboard.Web.Security;

/// <summary>An account: e-mail (also its user name) and password. Its id is the owner recorded on its runs.</summary>
public sealed class LabUser : IdentityUser;

/// <summary>The accounts, in their own SQLite file under <c>State:Root</c> (<see cref="FileName"/>), created on first start.</summary>
public sealed class LabUsersDb(DbContextOptions<LabUsersDb> options) : IdentityDbContext<LabUser>(options)
{
    /// <summary>The file's name in <c>State:Root</c>.</summary>
    public const string FileName = "accounts.db";
}
