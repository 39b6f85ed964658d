using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.Pupils;

/// <summary>
/// Year groups move on by themselves each 1 September: every pupil not yet moved up for the new school year goes up
/// one (Year 14 at most), in one transaction that also journals it on each of their running workflows. Then each of
/// those workflows checks its conditional tasks of the case again, so that a pupil now in Year 6 whose EHC plan predates
/// it gets the deadline to name their secondary school. The daily round calls this every day, and it acts in the
/// year's first two weeks only: a missed 1 September is caught up by the next round, no pupil moves up twice in a year,
/// and a service first started in the middle of a year (its year groups kept by hand so far) moves no one until the
/// next September. The checks run on each of those rounds (they hand out nothing twice), so a stop between the move and
/// the checks loses nothing.
/// </summary>
public sealed class YearGroups(IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, IDefinitionCatalog catalog,
    TimeProvider time)
{
    private const int HighestYear = 14;
    /// <summary>The first days of the school year, in which year groups move up.</summary>
    private const int CheckingDays = 14;
    private const string Actor = "school year";

    /// <summary>Moves up the pupils due for the school year <paramref name="today"/> is in; returns how many moved.</summary>
    public async Task<int> MoveUpAsync(DateOnly today, CancellationToken ct)
    {
        var year = AcademicYear.Of(today);
        if (today.DayNumber - year.First.DayNumber >= CheckingDays) return 0;
        var moved = await MoveAsync(year, ct);
        await CheckAsync(year, ct);
        return moved;
    }

    private async Task<int> MoveAsync(AcademicYear year, CancellationToken ct)
    {
        var start = UkTime.StartOf(year.First).UtcDateTime;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.Pupils
            .Where(p => p.YearGroupFrom < year.StartYear || (p.YearGroupFrom == null && p.CreatedAt < start))
            .Select(p => new { p.Id, p.YearGroup }).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Select(d => d.Id).ToList();
        var years = due.ToDictionary(d => d.Id, d => Math.Min(d.YearGroup + 1, HighestYear));
        var running = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.SubjectId) && i.Status == InstanceStatus.Active)
            .Select(i => new { i.Id, i.SubjectId, i.State }).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only those not moved meanwhile: the update re-checks what the select found.
        await db.Pupils.Where(p => ids.Contains(p.Id) && (p.YearGroupFrom < year.StartYear || p.YearGroupFrom == null))
            .ExecuteUpdateAsync(s => s
            .SetProperty(p => p.YearGroup, p => p.YearGroup < HighestYear ? p.YearGroup + 1 : p.YearGroup)
            .SetProperty(p => p.YearGroupFrom, year.StartYear), ct);
        db.Journal.AddRange(running.Select(i => new JournalEntry
        {
            InstanceId = i.Id, At = now, Kind = JournalKinds.Event, State = i.State, Actor = Actor,
            Detail = $"A new school year ({year}): now in {Words(years[i.SubjectId])}.",
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    private Task CheckAsync(AcademicYear year, CancellationToken ct) =>
        CheckAsync(p => p.YearGroupFrom == year.StartYear, y => $"A new school year ({year}): now in {Words(y)}", Actor, ct);

    /// <summary>
    /// After a school's phase changed: the conditional tasks of the case of its pupils' running workflows, checked again
    /// (a pupil now in the last year of the school's phase gets their transfer deadline).
    /// </summary>
    public Task CheckSchoolAsync(string schoolId, string phase, string actor, CancellationToken ct) =>
        CheckAsync(p => p.SchoolId == schoolId, y => $"The school's phase is now {phase}; the pupil is in {Words(y)}", actor, ct);

    // The running workflows of the chosen pupils whose state has conditional tasks of the case (an annual review's plan in
    // place): those tasks, checked again. Other workflows are not touched.
    private async Task CheckAsync(System.Linq.Expressions.Expression<Func<Pupil, bool>> pupils, Func<int, string> reason, string actor,
        CancellationToken ct)
    {
        List<(Guid Id, string DefinitionId, int Version, string State, int YearGroup)> running;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            running = (await (
                from i in db.Instances.AsNoTracking()
                join p in db.Pupils.AsNoTracking().Where(pupils) on i.SubjectId equals p.Id
                where i.Status == InstanceStatus.Active
                select new { i.Id, i.DefinitionId, i.Version, i.State, p.YearGroup }).ToListAsync(ct))
                .Select(x => (x.Id, x.DefinitionId, x.Version, x.State, x.YearGroup)).ToList();
        }
        var checks = new Dictionary<(string, int, string), bool>();
        foreach (var (id, definitionId, version, state, yearGroup) in running)
        {
            if (!checks.TryGetValue((definitionId, version, state), out var has))
            {
                var states = (await catalog.GetAsync(definitionId, version, ct)).States;
                has = states.GetValueOrDefault(state)?.Tasks.Any(t => t.OfInstance() && t.If is not null) == true;
                checks[(definitionId, version, state)] = has;
            }
            if (has) await engine.RecheckTasksAsync(id, reason(yearGroup), actor, ct);
        }
    }

    /// <summary>A year group in words: nursery, reception, Year 1 ...</summary>
    public static string Words(int yearGroup) => yearGroup switch
    {
        -1 => "nursery",
        0 => "reception",
        var n => $"Year {n.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };
}
