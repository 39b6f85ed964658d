namespace SendWorkflow.Send.Flow;

/// <summary>
/// The school's chart of pupils per stage through the year: the journal's starts, transitions and ends are counted per
/// day and state in SQL, then added up week by week, so the chart needs no pass over each pupil's chronology.
/// </summary>
public sealed class PathwayStages(IDbContextFactory<SendWorkflowDbContext> factory, IDefinitionCatalog catalog, AccessGuard guard,
    TimeProvider time)
{
    public const string Pathway = "send-pathway";

    /// <summary>
    /// Week by week from <paramref name="from"/> (default: 1 September of this school year) to <paramref name="to"/> (default: today).
    /// </summary>
    public async Task<StagesThroughTheYearDto> GetAsync(Caller caller, string schoolId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's figures", Capabilities.Of(Capabilities.SchoolFigures));
        var today = UkTime.DateOf(time.GetUtcNow());
        var (start, end) = (from ?? PathwayFlow.AcademicYearStart(today), to ?? today);
        new ProblemCollector()
            .Date(from, "from").Date(to, "to")
            .Check(end >= start, "to", "The period ends before it starts.")
            .Check(end.DayNumber - start.DayNumber <= 5 * 366, "to", "A period is at most five years.")
            .ThrowIfAny();

        var last = end < today ? end : today;
        var changes = await ChangesAsync(schoolId, last, ct);
        var published = (await catalog.GetPublishedAsync(Pathway, ct)).Definition;
        var stages = published.States.Where(s => s.Stage is not null).GroupBy(s => s.Stage!.Value).OrderBy(g => g.Key)
            .Select(g => new StageName(g.Key, g.First().Name)).ToList();

        var weeks = new List<StagesWeek>();
        var counts = new Dictionary<int, int>();
        var next = 0;
        for (var monday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7)); monday <= last; monday = monday.AddDays(7))
        {
            var countedOn = monday.AddDays(6) < last ? monday.AddDays(6) : last;
            for (; next < changes.Count && changes[next].On <= countedOn; next++)
            {
                counts[changes[next].Stage] = counts.GetValueOrDefault(changes[next].Stage) + changes[next].Pupils;
            }
            weeks.Add(new StagesWeek(monday, countedOn, stages.Select(s => counts.GetValueOrDefault(s.Stage)).ToList()));
        }
        await guard.AuditAsync(caller, AuditActions.Read, "pathway-stages", schoolId, null, schoolId);
        return new StagesThroughTheYearDto(schoolId, Pathway, start, end, stages, weeks);
    }

    private sealed record StageChange(DateOnly On, int Stage, int Pupils);

    /// <summary>
    /// Each day's arrivals (+) and departures (-) per stage up to <paramref name="last"/>, in date order: a start arrives in its
    /// state, a transition leaves its state for its destination (named by the version's transition), an end leaves its state.
    /// </summary>
    private async Task<List<StageChange>> ChangesAsync(string schoolId, DateOnly last, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var endUtc = UkTime.StartOf(last.AddDays(1)).UtcDateTime;
        const string Prefix = PathwayFlow.TransitionPrefix;
        var rows = await (
                from j in db.Journal.AsNoTracking()
                join i in db.Instances.AsNoTracking() on j.InstanceId equals i.Id
                where i.SchoolId == schoolId && i.DefinitionId == Pathway && !i.SubjectId.StartsWith(SchoolSubject.Prefix) && j.At < endUtc
                      && (j.Kind == JournalKinds.Started || j.Kind == JournalKinds.Transition || j.Kind == JournalKinds.Closed)
                group j by new
                {
                    j.At.Date,
                    j.At.Hour,
                    j.Kind,
                    j.State,
                    i.Version,
                    Transition = j.Kind == JournalKinds.Transition && j.Data != null && j.Data.StartsWith(Prefix)
                        ? j.Data.Substring(Prefix.Length, j.Data.IndexOf("\",") - Prefix.Length)
                        : "",
                }
                into g
                select new { g.Key.Date, g.Key.Hour, g.Key.Kind, g.Key.State, g.Key.Version, g.Key.Transition, Count = g.Count() })
            .ToListAsync(ct);

        var versions = new Dictionary<int, CompiledDefinition>();
        foreach (var v in rows.Select(r => r.Version).Distinct()) versions[v] = await catalog.GetAsync(Pathway, v, ct);
        int? StageOf(int version, string? state) => state is null ? null : versions[version].States.GetValueOrDefault(state)?.Stage;

        var changes = new List<StageChange>();
        foreach (var r in rows)
        {
            var on = UkTime.DateOfUtc(DateTime.SpecifyKind(r.Date.AddHours(r.Hour), DateTimeKind.Utc));
            void Add(int? stage, int sign)
            {
                if (stage is { } s) changes.Add(new StageChange(on, s, sign * r.Count));
            }
            switch (r.Kind)
            {
                case JournalKinds.Started:
                    Add(StageOf(r.Version, r.State), +1);
                    break;
                case JournalKinds.Transition:
                    Add(StageOf(r.Version, r.State), -1);
                    var to = versions[r.Version].Definition.Transitions.FirstOrDefault(t => t.Id == r.Transition)?.To;
                    Add(StageOf(r.Version, to), +1);
                    break;
                default:
                    Add(StageOf(r.Version, r.State), -1);
                    break;
            }
        }
        return changes.OrderBy(c => c.On).ToList();
    }
}
