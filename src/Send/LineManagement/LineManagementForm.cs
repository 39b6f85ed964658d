using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.LineManagement;

/// <summary>
/// The SENCo's fortnightly line-management meetings with the teaching assistants (seed 004: "at least every other
/// week"): the form asks, for each teaching assistant of the school, whether they were met this time, with notes and
/// the follow-up actions for the action plan. Who was met is read back from the journal by <see cref="LineManagementView"/>.
/// </summary>
public static class LineManagementForm
{
    /// <summary>The field that says whether one teaching assistant was met.</summary>
    public const string MetPrefix = "met.";

    public static readonly IReadOnlyList<string> Answers = ["met", "not this time"];

    /// <summary>The school's teaching assistants whose accounts are active, by name.</summary>
    public static async Task<List<(string Id, string Name)>> AssistantsAsync(SendWorkflowDbContext db, string schoolId, DateTimeOffset now,
        CancellationToken ct)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where u.SchoolId == schoolId && r.Name == StaffRoles.TeachingAssistant
            select new { u.Id, u.DisplayName, u.UserName, u.LockoutEnd }).ToListAsync(ct);
        return rows.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => (u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName))
            .OrderBy(u => u.Item2, StringComparer.Ordinal).ToList();
    }

    /// <summary>A question per teaching assistant, then the notes and follow-up actions every meeting form has.</summary>
    public static IReadOnlyList<FormField> Fields(IReadOnlyList<(string Id, string Name)> assistants) =>
    [
        .. assistants.Select(a => new FormField(MetPrefix + a.Id, $"Met {a.Name}?", "choice", true, Answers)),
        .. TaskForms.Named(TaskForms.LineManagement),
    ];
}
