using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Host.Commands.Simulation;

/// <summary>
/// The simulated borough's schools each run the SENCo monitoring schedule for the year, started on its first day; its
/// activities are done in bulk on their due day like the pupils' other work, and the figures say how it went.
/// </summary>
internal static class SchoolProgrammes
{
    private const string DefinitionId = "senco-monitoring";

    public static async Task<int> StartAsync(WorkflowEngine engine, IDbContextFactory<SendWorkflowDbContext> factory, TimeProvider clock,
        CancellationToken ct)
    {
        List<string> schools;
        await using (var db = await factory.CreateDbContextAsync(ct))
            schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == Cohort.BoroughId).Select(s => s.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var year = AcademicYear.Of(UkTime.DateOf(now)).ToString();
        var records = new List<ProgrammeRecord>(schools.Count);
        foreach (var school in schools)
        {
            var instance = await engine.StartAsync(DefinitionId, SchoolSubject.Of(school), "simulate", ct);
            records.Add(new ProgrammeRecord
            {
                Id = Guid.CreateVersion7(now), SchoolId = school, DefinitionId = DefinitionId, AcademicYear = year, InstanceId = instance.Id,
                StartedAt = now.UtcDateTime, StartedBy = "simulate",
            });
        }
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Programmes.AddRange(records);
            await db.SaveChangesAsync(ct);
        }
        return schools.Count;
    }

    /// <summary>Activities of the schools' programmes: all, done, done by their due day, and still open past it.</summary>
    public static async Task<(int All, int Done, int OnTime, int Overdue)> FiguresAsync(IDbContextFactory<SendWorkflowDbContext> factory,
        DateOnly on, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.SubjectId.StartsWith(SchoolSubject.Prefix) && t.Kind != WorkTask.EscalationKind);
        var done = await tasks.Where(t => t.Status == WorkTaskStatus.Completed).Select(t => new { t.DueOn, t.CompletedAt }).ToListAsync(ct);
        return (await tasks.CountAsync(ct), done.Count,
            done.Count(t => t.CompletedAt is { } at && UkTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero)) <= t.DueOn),
            await tasks.CountAsync(t => t.Status == WorkTaskStatus.Open && t.DueOn < on, ct));
    }
}
