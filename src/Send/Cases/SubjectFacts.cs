using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Send.Cases;

/// <summary>
/// What the rules read of an instance's subject, as the engine reads it when it runs them: the year group, whether the
/// pupil is looked after, and the transfer they make this year by their school's phase. A school's programme has none.
/// </summary>
internal static class SubjectFacts
{
    public static async Task<SubjectPlacement> OfAsync(SendWorkflowDbContext db, WorkflowInstance instance, CancellationToken ct)
    {
        var pupil = await (
            from p in db.Pupils.AsNoTracking()
            join s in db.Schools.AsNoTracking() on p.SchoolId equals s.Id
            where p.Id == instance.SubjectId
            select new { p.YearGroup, p.LookedAfter, s.Phase }).FirstOrDefaultAsync(ct);
        return pupil is null
            ? new SubjectPlacement(instance.SubjectId, instance.SchoolId, instance.BoroughId, 0)
            : new SubjectPlacement(instance.SubjectId, instance.SchoolId, instance.BoroughId, pupil.YearGroup, pupil.LookedAfter)
            {
                Transfer = SchoolPhases.TransferOf(pupil.Phase, pupil.YearGroup),
            };
    }
}
