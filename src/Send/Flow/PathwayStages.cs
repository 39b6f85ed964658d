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
        var problems = new ProblemCollector();
        var (start, end) = PathwayFlow.Period(problems, from, to, today);
        problems.ThrowIfAny();

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

    private sealed record KindRow(DateTime Date, int Hour, string Kind, string State, int Version, string Transition, int Count);

    /// <summary>
    /// Each day's arrivals (+) and departures (-) per stage up to <paramref name="last"/>, in date order: a start arrives in its
    /// state, a transition leaves its state for its destination (named by the transition), an end leaves its state, and a move
    /// to another version leaves the old version's state for the new one's.
    /// </summary>
    private async Task<List<StageChange>> ChangesAsync(string schoolId, DateOnly last, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var endUtc = UkTime.StartOf(last.AddDays(1)).UtcDateTime;
        const string Prefix = PathwayFlow.TransitionPrefix;
        var entries = db.Journal.AsNoTracking()
            .Join(db.Instances.AsNoTracking(), j => j.InstanceId, i => i.Id, (j, i) => new { j, i })
            .Where(x => x.i.SchoolId == schoolId && x.i.DefinitionId == Pathway && !x.i.SubjectId.StartsWith(SchoolSubject.Prefix)
                && x.j.At < endUtc);
        // A kind at a time, named as a constant: on SQLite the journal is read by instance only through the index of these
        // kinds (JournalChain), which a query naming one of them may use and one naming several (an IN) may not.
        var rows = new List<KindRow>();
        foreach (var kind in new[] { JournalKinds.Started, JournalKinds.Transition, JournalKinds.Closed }) rows.AddRange(await Kind(kind));
        async Task<List<KindRow>> Kind(string kind) => await (
                from x in entries
                where x.j.Kind == EF.Constant(kind)
                group x.j by new
                {
                    x.j.At.Date,
                    x.j.At.Hour,
                    x.j.Kind,
                    x.j.State,
                    x.i.Version,
                    Transition = x.j.Kind == JournalKinds.Transition && x.j.Data != null && x.j.Data.StartsWith(Prefix)
                        ? x.j.Data.Substring(Prefix.Length, x.j.Data.IndexOf("\",") - Prefix.Length)
                        : "",
                }
                into g
                select new KindRow(g.Key.Date, g.Key.Hour, g.Key.Kind, g.Key.State, g.Key.Version, g.Key.Transition, g.Count()))
            .ToListAsync(ct);
        // Moves to another version are one line per pupil moved, and name both states in their data.
        var moves = await entries.Where(x => x.j.Kind == JournalKinds.Migrated).Select(x => new { x.j.At, x.j.Data }).ToListAsync(ct);

        // A pupil's earlier lines name the states of the version they were on then: every version is asked, theirs first.
        var numbers = await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == Pathway && v.Status != DefinitionStatus.Draft).Select(v => v.Version).ToListAsync(ct);
        var versions = new SortedDictionary<int, CompiledDefinition>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var v in numbers.Union(rows.Select(r => r.Version))) versions[v] = await catalog.GetAsync(Pathway, v, ct);
        IEnumerable<CompiledDefinition> Nearest(int version) =>
            versions.TryGetValue(version, out var own) ? versions.Values.Where(d => d != own).Prepend(own) : versions.Values;
        int? StageOf(int version, string? state) =>
            state is null ? null : Nearest(version).Select(d => d.States.GetValueOrDefault(state)).FirstOrDefault(s => s is not null)?.Stage;
        string? Destination(int version, string from, string transition) =>
            Nearest(version).Select(d => d.Definition.Transitions.FirstOrDefault(t => t.Id == transition && t.From == from)?.To)
                .FirstOrDefault(to => to is not null);

        var changes = new List<StageChange>();
        void Add(DateOnly on, int? stage, int pupils)
        {
            if (stage is { } s) changes.Add(new StageChange(on, s, pupils));
        }
        foreach (var r in rows)
        {
            var on = UkTime.DateOfUtc(DateTime.SpecifyKind(r.Date.AddHours(r.Hour), DateTimeKind.Utc));
            switch (r.Kind)
            {
                case JournalKinds.Started:
                    Add(on, StageOf(r.Version, r.State), r.Count);
                    break;
                case JournalKinds.Transition:
                    Add(on, StageOf(r.Version, r.State), -r.Count);
                    Add(on, StageOf(r.Version, Destination(r.Version, r.State, r.Transition)), r.Count);
                    break;
                default:
                    Add(on, StageOf(r.Version, r.State), -r.Count);
                    break;
            }
        }
        foreach (var m in moves)
        {
            if (MoveOf(m.Data) is not { } move) continue;
            var on = UkTime.DateOfUtc(m.At);
            Add(on, StageOf(move.FromVersion, move.FromState), -1);
            Add(on, StageOf(move.ToVersion, move.ToState), +1);
        }
        return changes.OrderBy(c => c.On).ToList();
    }

    private sealed record Move(int FromVersion, string FromState, int ToVersion, string ToState);

    private static Move? MoveOf(string? data)
    {
        if (data is null) return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(data);
            var root = doc.RootElement;
            return new Move(root.GetProperty("fromVersion").GetInt32(), root.GetProperty("fromState").GetString() ?? "",
                root.GetProperty("toVersion").GetInt32(), root.GetProperty("toState").GetString() ?? "");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A line that does not say where the pupil went moves nobody on the chart.
            return null;
        }
    }
}
