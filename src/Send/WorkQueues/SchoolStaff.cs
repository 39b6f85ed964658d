namespace SendWorkflow.Send.WorkQueues;

/// <summary>A member of staff as assignment needs them: their account, name, role, school and classes.</summary>
internal sealed record StaffMember(string Id, string DisplayName, string Role, string? SchoolId, string? Classes)
{
    public bool Teaches(string? className) =>
        className is not null && AccessPolicy.SplitClasses(Classes).Contains(className, StringComparer.OrdinalIgnoreCase);

    /// <summary>The staff of a school (or one account, wherever it works), with their role; from the StaffUsers table.</summary>
    public static async Task<List<StaffMember>> FindAsync(SendWorkflowDbContext db, string? schoolId, string? userId, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (schoolId is not null) users = users.Where(u => u.SchoolId == schoolId);
        if (userId is not null) users = users.Where(u => u.Id == userId);
        var rows = await (
            from u in users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            select new { u.Id, u.DisplayName, u.UserName, Role = r.Name, u.SchoolId, u.Classes }).ToListAsync(ct);
        return rows.Select(u => new StaffMember(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName,
            u.Role ?? "", u.SchoolId, u.Classes)).ToList();
    }
}
