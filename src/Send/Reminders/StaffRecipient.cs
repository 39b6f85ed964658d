using System.Security.Claims;

namespace SendWorkflow.Send.Reminders;

/// <summary>
/// A member of staff an email may go to: their address, role, where they work (and the borough whose term calendar they
/// keep), and whether they turned the digest off. <see cref="Caller"/> is them as the access policy sees them, so an email
/// shows only the tasks the Studio would show them.
/// </summary>
public sealed record StaffRecipient(
    string Id, string Email, string DisplayName, string Role, string? SchoolId, string? BoroughId, string? Classes, bool DigestOff)
{
    /// <summary>Them, signed in as the Studio would sign them in (their role, school, borough and classes).</summary>
    public Caller Caller
    {
        get
        {
            var identity = new ClaimsIdentity("reminders", "name", ClaimTypes.Role);
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, Id));
            identity.AddClaim(new Claim("name", DisplayName));
            identity.AddClaim(new Claim(ClaimTypes.Role, Role));
            if (SchoolId is { } school) identity.AddClaim(new Claim(StaffClaims.School, school));
            if (BoroughId is { } borough) identity.AddClaim(new Claim(StaffClaims.Borough, borough));
            foreach (var c in AccessPolicy.SplitClasses(Classes)) identity.AddClaim(new Claim(StaffClaims.Class, c));
            return new Caller(new ClaimsPrincipal(identity), "EMAIL", "/reminders");
        }
    }

    /// <summary>Every member of staff with an email address and a role.</summary>
    public static async Task<List<StaffRecipient>> AllAsync(SendWorkflowDbContext db, CancellationToken ct)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            where u.Email != null && u.Email != ""
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            select new { u.Id, u.Email, u.DisplayName, u.UserName, Role = r.Name, u.SchoolId, u.BoroughId, u.Classes, u.DigestOff })
            .ToListAsync(ct);
        return rows.Where(u => u.Role is { Length: > 0 })
            .Select(u => new StaffRecipient(u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "" : u.DisplayName,
                u.Role!, u.SchoolId, u.BoroughId, u.Classes, u.DigestOff))
            .OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
    }
}
