using System.Globalization;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Definitions;

namespace SendWorkflow.Send.Flow;

/// <summary>
/// The flow of pupils through a definition, for the canvas (issue 16, point 3): the database counts and groups, so a
/// borough of thousands of pupils is a handful of grouped rows, never a loop over pupils. The API and the Studio's pages
/// both call it; the caller's scope is <see cref="AccessPolicy.CountableInstancesFor"/>, and each look is audited as the
/// school's views are.
/// </summary>
public sealed class PathwayFlow(IDbContextFactory<SendWorkflowDbContext> factory, DefinitionService definitions, CalendarRegistry calendars,
    AccessGuard guard, TimeProvider time)
{
    /// <summary>How a transition's journal entry starts: its data names the transition first (<c>EventJournal.Transition</c>).</summary>
    internal const string TransitionPrefix = "{\"transition\":\"";

    /// <summary>
    /// The flow of the definition for the caller. <paramref name="version"/>: "running" (the default: the version the
    /// caller's pupils run), "all" (every published version, states matched by id) or a version number. The period
    /// (UK dates, both days included) defaults to the school year so far.
    /// </summary>
    public async Task<FlowDto> GetAsync(Caller caller, string definitionId, string? version, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "see how pupils flow through a pathway", Capabilities.Of(Capabilities.ReadDefinitions));
        var today = UkTime.DateOf(time.GetUtcNow());
        var selector = (version ?? "running").Trim().ToLowerInvariant();
        var problems = new ProblemCollector();
        var (start, end) = Period(problems, from, to, today);
        problems
            .Check(selector is "running" or "all" || int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out _), "version",
                $"'version' must be 'running', 'all' or a version number, not '{version}'.")
            .ThrowIfAny();

        var chosen = await VersionsAsync(caller, definitionId, selector, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var numbers = chosen.Select(v => v.Version).ToList();
        var instances = AccessPolicy.CountableInstancesFor(caller.User, db)
            .Where(i => i.DefinitionId == definitionId && numbers.Contains(i.Version));
        var now = await StatesNowAsync(db, instances, today, ct);
        var arrows = await ArrowsAsync(db, instances, chosen, start, end, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "pathway-flow", definitionId, null, caller.SchoolId);

        // The newest counted version names the states; a state only an older version has keeps its own name.
        var states = chosen.OrderByDescending(v => v.Version).SelectMany(v => v.Definition.States)
            .DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        foreach (var id in now.Keys.Where(id => !states.ContainsKey(id)).ToList()) states[id] = new StateDefinition { Id = id, Name = id };
        var order = chosen.OrderByDescending(v => v.Version).First().Definition.States.Select(s => s.Id).ToList();
        var rows = states.Values
            .OrderBy(s => order.Contains(s.Id) ? order.IndexOf(s.Id) : int.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => now.TryGetValue(s.Id, out var n)
                ? new FlowStateDto(s.Id, s.Name, s.Stage, n.Pupils, n.Median, n.Overdue, Percent(n.Overdue, n.Pupils))
                : new FlowStateDto(s.Id, s.Name, s.Stage, 0, null, 0, null))
            .ToList();
        var newest = chosen.MaxBy(v => v.Version)!;
        return new FlowDto(definitionId, newest.Definition.Name, numbers.Order().ToList(), selector == "all", today, start, end,
            rows.Sum(r => r.Pupils), rows, arrows);
    }

    /// <summary>
    /// The period a question about the flow asks about (UK dates, both days included; by default the school year so far),
    /// its problems added to <paramref name="problems"/>: a date that is no date, an end before the start, over five years.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Period(ProblemCollector problems, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var (start, end) = (from ?? AcademicYearStart(today), to ?? today);
        problems.Date(from, "from").Date(to, "to")
            .Check(end >= start, "to", "The period ends before it starts.")
            .Check(end.DayNumber - start.DayNumber <= 5 * 366, "to", "A period is at most five years.");
        return (start, end);
    }

    /// <summary>1 September of the school year <paramref name="today"/> is in.</summary>
    public static DateOnly AcademicYearStart(DateOnly today) => new(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);

    private sealed record CountedVersion(int Version, WorkflowDefinition Definition);

    private sealed record StateNow(int Pupils, double? Median, int Overdue);

    private async Task<IReadOnlyList<CountedVersion>> VersionsAsync(Caller caller, string definitionId, string selector, CancellationToken ct)
    {
        if (selector != "all")
        {
            var record = await definitions.GetAsync(definitionId, selector == "running" ? "published" : selector, DefinitionScope.OwnOf(caller), ct);
            return [new CountedVersion(record.Version, DefinitionJson.Parse(record.Json))];
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var records = await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Status != DefinitionStatus.Draft)
            .Select(v => new { v.Version, v.Json }).ToListAsync(ct);
        if (records.Count == 0) throw new DefinitionNotFoundException(definitionId, "published");
        return records.Select(r => new CountedVersion(r.Version, DefinitionJson.Parse(r.Json))).ToList();
    }

    /// <summary>
    /// Per state: the pupils in it, grouped by the hour they entered it (so each group's UK date is exact, summer time or not),
    /// the median of their school weeks there, and how many have an overdue task.
    /// </summary>
    private async Task<Dictionary<string, StateNow>> StatesNowAsync(SendWorkflowDbContext db, IQueryable<WorkflowInstance> instances,
        DateOnly today, CancellationToken ct)
    {
        var running = instances.Where(i => i.Status == InstanceStatus.Active);
        var entered = await running
            .GroupBy(i => new { i.State, i.BoroughId, i.EnteredStateAt.Date, i.EnteredStateAt.Hour })
            .Select(g => new { g.Key.State, g.Key.BoroughId, g.Key.Date, g.Key.Hour, Pupils = g.Count() })
            .ToListAsync(ct);
        var overdue = await running
            .Where(i => db.Tasks.Any(t => t.InstanceId == i.Id && t.Status == WorkTaskStatus.Open && t.DueOn < today))
            .GroupBy(i => i.State).Select(g => new { g.Key, Pupils = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Pupils, ct);
        return entered.GroupBy(e => e.State).ToDictionary(g => g.Key, g =>
        {
            var weeks = g.Select(e => (Weeks: SchoolWeeks(e.BoroughId, DateTime.SpecifyKind(e.Date.AddHours(e.Hour), DateTimeKind.Utc), today),
                e.Pupils));
            return new StateNow(g.Sum(e => e.Pupils), Median(weeks), overdue.GetValueOrDefault(g.Key));
        });
    }

    /// <summary>
    /// Per transition taken in the period: the pupils who took it. The transition's id is the first value of its journal
    /// entry's data, cut out in SQL, so the database groups without reading the facts each entry carries.
    /// </summary>
    private static async Task<IReadOnlyList<FlowArrowDto>> ArrowsAsync(SendWorkflowDbContext db, IQueryable<WorkflowInstance> instances,
        IReadOnlyList<CountedVersion> versions, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var (startUtc, endUtc) = (UkTime.StartOf(start).UtcDateTime, UkTime.StartOf(end.AddDays(1)).UtcDateTime);
        var taken = await (
                from j in db.Journal.AsNoTracking()
                join i in instances on j.InstanceId equals i.Id
                where j.Kind == JournalKinds.Transition && j.At >= startUtc && j.At < endUtc && j.Data != null && j.Data.StartsWith(TransitionPrefix)
                group j by new
                {
                    i.Version,
                    From = j.State,
                    Transition = j.Data!.Substring(TransitionPrefix.Length, j.Data.IndexOf("\",") - TransitionPrefix.Length),
                }
                into g
                select new { g.Key.Version, g.Key.From, g.Key.Transition, Pupils = g.Select(x => x.InstanceId).Distinct().Count() })
            .ToListAsync(ct);

        // A pupil moved to another version took their earlier arrows on the version before: its transition of that id names the
        // destination when the pupil's own version no longer has it.
        string? Destination(int version, string from, string transition) =>
            versions.OrderByDescending(v => v.Version == version).ThenByDescending(v => v.Version)
                .Select(v => v.Definition.Transitions.FirstOrDefault(t => t.Id == transition && t.From == from)?.To)
                .FirstOrDefault(to => to is not null);
        var counts = taken
            .Select(t => (t.From, To: Destination(t.Version, t.From, t.Transition), t.Transition, t.Pupils))
            .Where(t => t.To is not null)
            .ToList();
        // Every arrow the counted versions draw, taken or not, and any taken one they no longer draw.
        var drawn = versions.SelectMany(v => v.Definition.Transitions).Select(t => (t.From, t.To, t.Id))
            .Concat(counts.Select(c => (c.From, To: c.To!, Id: c.Transition))).Distinct().ToList();
        return drawn.GroupBy(d => (d.From, d.To)).Select(g =>
            {
                var transitions = g.Select(d => new FlowTransitionDto(d.Id,
                    counts.Where(c => c.From == d.From && c.To == d.To && c.Transition == d.Id).Sum(c => c.Pupils))).ToList();
                return new FlowArrowDto(g.Key.From, g.Key.To, transitions.Sum(t => t.Pupils), transitions);
            })
            .ToList();
    }

    /// <summary>School weeks (5 school days) from the day a pupil entered a state to today, by their borough's term calendar.</summary>
    private double SchoolWeeks(string boroughId, DateTime enteredUtc, DateOnly today)
    {
        var entered = UkTime.DateOfUtc(enteredUtc);
        if (today <= entered) return 0;
        try
        {
            var calendar = calendars.ForBorough(boroughId);
            var (a, b) = (Clamp(entered, calendar), Clamp(today, calendar));
            return calendar.SchoolDaysBetween(a, b) / 5.0;
        }
        catch (SchoolCalendarException)
        {
            // A borough without a calendar: calendar weeks are the nearest honest measure.
            return (today.DayNumber - entered.DayNumber) / 7.0;
        }
    }

    private static DateOnly Clamp(DateOnly date, SchoolCalendar calendar) =>
        date < calendar.First ? calendar.First : date > calendar.Last ? calendar.Last : date;

    /// <summary>The median of values each held by a number of pupils, to one decimal.</summary>
    internal static double? Median(IEnumerable<(double Value, int Count)> values)
    {
        var sorted = values.Where(v => v.Count > 0).OrderBy(v => v.Value).ToList();
        var total = sorted.Sum(v => v.Count);
        if (total == 0) return null;
        double At(int index)
        {
            foreach (var (value, count) in sorted)
            {
                if (index < count) return value;
                index -= count;
            }
            return sorted[^1].Value;
        }
        var median = total % 2 == 1 ? At(total / 2) : (At(total / 2 - 1) + At(total / 2)) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}
