namespace SendWorkflow.Send.SenAudits;

/// <summary>
/// The checks of an audit's day and team, every problem listed: a school day in term, today or later; an LA officer of the
/// school's borough; a SENCo of another school of the same borough (not the audited school's own, not another borough's).
/// </summary>
internal static class AuditTeam
{
    public sealed record Member(string Id, string Name, string Role, string? SchoolId, string? BoroughId);

    public static async Task CheckAsync(SendWorkflowDbContext db, ProblemCollector problems, SchoolCalendar calendar, DateOnly today,
        School school, AuditTeamRequest team, CancellationToken ct)
    {
        problems.Check(team.AuditOn is not null, "auditOn", "'auditOn' is required: the audit's day.")
            .Date(team.AuditOn, "auditOn")
            .Require(team.OfficerId, "officerId", 450)
            .Require(team.VisitingSencoId, "visitingSencoId", 450);
        if (team.AuditOn is { Year: >= 1990 and <= 2100 } day)
        {
            var why = day < today ? $"{UkTime.Format(day)} is in the past: the audit's day is today or later."
                : !calendar.Covers(day) ? $"The borough's term dates ({calendar.Name}) do not reach {UkTime.Format(day)}."
                : !calendar.IsSchoolDay(day)
                    ? $"{UkTime.Format(day)} is not a school day in term (a weekend, a holiday or a closure day): the audit is held in school."
                    : null;
            problems.Check(why is null, "auditOn", why ?? "");
        }
        if (!string.IsNullOrWhiteSpace(team.OfficerId))
        {
            var officer = await FindAsync(db, team.OfficerId, ct);
            problems.Check(officer is { Role: StaffRoles.LaOfficer } && officer.BoroughId == school.BoroughId, "officerId",
                $"'{team.OfficerId}' is not an LA officer of the borough '{school.BoroughId}'.");
        }
        if (!string.IsNullOrWhiteSpace(team.VisitingSencoId))
        {
            var senco = await FindAsync(db, team.VisitingSencoId, ct);
            var borough = senco?.SchoolId is { } own
                ? await db.Schools.AsNoTracking().Where(s => s.Id == own).Select(s => s.BoroughId).FirstOrDefaultAsync(ct)
                : null;
            var why = senco is not { Role: StaffRoles.Senco } ? $"'{team.VisitingSencoId}' is not a SENCo's account."
                : senco.SchoolId == school.Id
                    ? $"{senco.Name} is the SENCo of {school.Name} itself: the team's SENCo comes from another school of the borough."
                : borough != school.BoroughId
                    ? $"{senco.Name} is the SENCo of a school of another borough: the team's SENCo comes from a school of '{school.BoroughId}'."
                    : null;
            problems.Check(why is null, "visitingSencoId", why ?? "");
        }
    }

    /// <summary>A member of staff with their role, or null.</summary>
    public static async Task<Member?> FindAsync(SendWorkflowDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null) return null;
        var row = await (
            from u in db.Users.AsNoTracking()
            where u.Id == userId
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            select new { u.Id, u.DisplayName, u.UserName, Role = r.Name, u.SchoolId, u.BoroughId }).FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : new Member(row.Id, string.IsNullOrWhiteSpace(row.DisplayName) ? row.UserName ?? "" : row.DisplayName, row.Role ?? "",
                row.SchoolId, row.BoroughId);
    }
}
