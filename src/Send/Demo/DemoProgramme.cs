using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.Demo;

/// <summary>
/// The demo school's own programme: the SENCo's monitoring schedule for the year, started on the demo's clock before
/// the pupils' histories, with a few of the autumn's activities done and their follow-up actions in the action plan.
/// </summary>
internal static class DemoProgramme
{
    public const string DefinitionId = "senco-monitoring";

    private static readonly (string TitleStart, string Findings, string Rating, string FollowUps)[] Done =
    [
        ("Scrutinise planning", "Planning shows differentiation in most classes; access arrangements are missing in two.", "developing",
            "Model differentiated planning at a staff meeting\nAdd access arrangements to the planning template"),
        ("Update the whole-school provision map", "Provision map updated; three interventions lack exit criteria.", "developing",
            "Write entry and exit criteria for every intervention"),
        ("Analyse pupil progress data", "Most pupils on SEN support made expected progress in reading.", "secure", ""),
    ];

    /// <summary>Starts the programme; null when the definition is not there (a trimmed definitions folder).</summary>
    public static async Task<Guid?> StartAsync(WorkflowEngine engine, IDbContextFactory<SendWorkflowDbContext> factory, TimeProvider clock,
        CancellationToken ct)
    {
        WorkflowInstance instance;
        try
        {
            instance = await engine.StartAsync(DefinitionId, SchoolSubject.Of(DemoSeeder.SchoolId), "demo", ct);
        }
        catch (DefinitionNotFoundException)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        db.Programmes.Add(new ProgrammeRecord
        {
            Id = Guid.CreateVersion7(now), SchoolId = DemoSeeder.SchoolId, DefinitionId = DefinitionId,
            AcademicYear = AcademicYear.Of(UkTime.DateOf(now)).ToString(), InstanceId = instance.Id, StartedAt = now.UtcDateTime,
            StartedBy = "demo",
        });
        await db.SaveChangesAsync(ct);
        return instance.Id;
    }

    /// <summary>Completes a few activities with what the SENCo found, as the inbox would.</summary>
    public static async Task CompleteSomeAsync(WorkflowEngine engine, IDbContextFactory<SendWorkflowDbContext> factory, Guid instanceId,
        CancellationToken ct)
    {
        List<WorkTask> open;
        await using (var db = await factory.CreateDbContextAsync(ct))
            open = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        foreach (var (titleStart, findings, rating, followUps) in Done)
        {
            if (open.Where(t => t.Title.StartsWith(titleStart, StringComparison.Ordinal)).OrderBy(t => t.DueOn).FirstOrDefault() is not { } task)
            {
                continue;
            }
            var form = new Dictionary<string, string> { ["findings"] = findings, ["rating"] = rating };
            if (followUps.Length > 0) form["followUpActions"] = followUps;
            await engine.CompleteTaskAsync(task.Id, null, null, "demo", ct, form);
        }
    }
}
