using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Rules;

namespace SendWorkflow.Host.Commands.Simulation;

/// <summary>Counts and time spent by the simulated people (the time machine's work is counted by the command).</summary>
internal sealed class SimStats
{
    public int Started, ReviewsCompleted, ReviewsAlreadyClosed, ConcernsRaised, AssessmentsRequested, AssessmentDecisions, PlansIssued, PlansRefused;
    public int ExceptionsRecorded, ReviewMeetings, ReviewDecisions, PlansAmended;
    public int OtherTasksCompleted, EscalationTasksClosed, RefusedPastCalendar;
    public PhaseTime Referrals, Reads, EventsAndReviews, BulkUpdates;
}

/// <summary>
/// One school day's work after the 08:00 tick: first concerns are referred, families, schools and the LA act,
/// teachers record the reviews that are due, and the rest of the day's tasks are ticked off in bulk.
/// </summary>
internal sealed class DailyWork(WorkflowEngine engine, IDbContextFactory<SendWorkflowDbContext> factory, SqliteWorkflowWriter writer,
    SchoolCalendar calendar, SendWorkflow.Send.Statutory.StatutoryExceptions exceptions, IReadOnlyList<SimPupil> pupils, int workers,
    PhaseClock phases)
{
    private const string Actor = "simulation";
    private readonly Dictionary<string, SimPupil> _byId = pupils.ToDictionary(p => p.PupilId);
    private readonly ILookup<DateOnly, SimPupil> _byReferral = pupils.ToLookup(p => p.ReferredOn);

    public SimStats Stats { get; } = new();

    /// <summary>Told the part of the day's work that begins ("reviews"), for the command's account of the log's growth.</summary>
    public Action<string> Phase { get; set; } = _ => { };

    /// <summary>
    /// What the day's outside events and reviews are drawn from: the active instances they may move and the review tasks due.
    /// Read while the 07:00 round runs, beside it (the round moves no instance and closes no task; it warns and escalates),
    /// of the instances started before it: the same rows however the two interleave, so a seed gives the same year.
    /// </summary>
    public Task<DayReads> ReadAsync(DateOnly today, CancellationToken ct) => Task.Run(async () =>
    {
        var before = UkTime.StartOf(today).AddHours(7).UtcDateTime;
        var reviews = DueReviewsAsync(today, ct);
        var (raises, absences) = await OutsideEventsAsync(today, before, ct);
        return new DayReads(raises, absences, await reviews);
    }, ct);

    public async Task RunAsync(DateOnly today, DateTime now, Task<DayReads> reads, CancellationToken ct)
    {
        Phase("referrals");
        Stats.Referrals += await phases.TimeAsync(() => EachAsync(_byReferral[today], async (p, c) =>
        {
            if (await PastCalendarAsync(async () => p.InstanceId = (await engine.StartAsync("send-pathway", p.PupilId, Actor, c)).Id)) return;
            Interlocked.Increment(ref Stats.Started);
            if (p.RequestsOnReferral && !await PastCalendarAsync(() => engine.RaiseAsync(p.InstanceId,
                    Event("assessment.requested", new() { ["by"] = "parent" }), c)))
            {
                Interlocked.Increment(ref Stats.AssessmentsRequested);
            }
        }, ct));
        // Plans from earlier years: their annual-review cycle is running when the year begins.
        await EachAsync(pupils.Where(p => p.Review is not null && p.ReviewInstanceId == Guid.Empty), async (p, c) =>
            p.ReviewInstanceId = (await engine.StartAsync("ehcp-annual-review", p.PupilId, Actor, c)).Id, ct);
        Phase("outside events and reviews");
        Stats.EventsAndReviews += await phases.TimeAsync(() => EventsAndReviewsAsync(today, reads, ct));
        _bulk = BulkAsync(today, now, ct);
    }

    private Task _bulk = Task.CompletedTask;

    /// <summary>
    /// Waits for the day's bulk completions, which the writer runs in its turn, beside the next night's timers: before the
    /// 07:00 round warns and escalates the tasks still open, and before a report counts them.
    /// </summary>
    public async Task BulkDoneAsync()
    {
        if (_bulk.IsCompleted)
        {
            await _bulk;
            return;
        }
        Phase("waiting for the bulk updates");
        Stats.BulkUpdates += await phases.TimeAsync(() => _bulk);
    }

    /// <summary>
    /// Further concerns at stage 3 and assessment requests at stage 4 on the pathway; the LA's steps on each open
    /// assessment (decision to assess, decision to issue, final plan; the comment period ends by its timer), whose
    /// outcome moves the pathway on; and a family's absence recorded as an exception when it begins.
    /// </summary>
    private async Task<(List<Raise> Raises, List<SimCase> Absences)> OutsideEventsAsync(DateOnly today, DateTime before, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var active = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Active && i.StartedAt < before
                && ((i.DefinitionId == "send-pathway" && i.Stage >= 3 && i.Stage <= 4) || i.DefinitionId == "ehcp-assessment"
                    || i.DefinitionId == "ehcp-annual-review"))
            .Select(i => new { i.Id, i.DefinitionId, i.SubjectId, i.Stage, i.State, i.StartedAt }).ToListAsync(ct);
        var raises = new List<Raise>();
        var absences = new List<SimCase>();
        foreach (var i in active)
        {
            var p = _byId[i.SubjectId];
            WorkflowEvent? e;
            if (i.DefinitionId == "ehcp-annual-review")
            {
                e = p.Review is { } review && i.Id == p.ReviewInstanceId ? ReviewStep(review, i.State, today) : null;
            }
            else if (i.DefinitionId == "ehcp-assessment")
            {
                if (p.Case?.AssessmentId != i.Id)
                {
                    p.Case = Model.DrawCase(p.Random, i.Id, UkTime.DateOf(new DateTimeOffset(i.StartedAt, TimeSpan.Zero)));
                }
                if (p.Case is { Absence: { } a, AbsenceRecorded: false } c && today >= a.From) absences.Add(c);
                e = LaStep(p.Case, i.State, today);
            }
            else
            {
                e = i.Stage switch
                {
                    3 when p.Random.NextDouble() < Model.ConcernPerSchoolDayAtStage3 =>
                        Event("concern.raised", new() { ["concern"] = "further concerns" }),
                    4 when p.Random.NextDouble() < Model.AssessmentRequestPerSchoolDayAtStage4 =>
                        Event("assessment.requested", new() { ["by"] = p.Random.NextDouble() < Model.RequestedByParent ? "parent" : "school" }),
                    _ => null,
                };
            }
            if (e is not null) raises.Add(new Raise(p, i.DefinitionId == "send-pathway" ? p.InstanceId : i.Id, e));
        }
        return (raises, absences);
    }

    /// <summary>
    /// The day's outside events and reviews, each pupil's one after another (the events first), the pupils side by side,
    /// so that the writer has the next pupil's work waiting rather than draining between the two.
    /// </summary>
    private async Task EventsAndReviewsAsync(DateOnly today, Task<DayReads> reads, CancellationToken ct)
    {
        var start = phases.Now();
        var (raises, absences, due) = await reads;
        Stats.Reads += phases.Since(start);
        foreach (var c in absences)
        {
            await exceptions.RecordAsync(c.AssessmentId, new SendWorkflow.Send.Statutory.RecordExceptionRequest(
                SendWorkflow.Send.Statutory.ExceptionKinds.FamilyAbsent, c.Absence!.Value.From, c.Absence.Value.To, null, Actor), audit: null, ct);
            c.AbsenceRecorded = true;
            Stats.ExceptionsRecorded++;
        }
        var raisesOf = raises.ToLookup(r => r.Pupil);
        var reviewsOf = due.ToDictionary(d => d.Pupil, d => d.Tasks);
        var everyone = raises.Select(r => r.Pupil).Concat(due.Select(d => d.Pupil)).Distinct().ToList();
        await EachAsync(everyone, async (p, c) =>
        {
            foreach (var r in raisesOf[p]) await RaiseAsync(r, c);
            if (reviewsOf.TryGetValue(p, out var tasks)) await ReviewAsync(p, tasks, today, c);
        }, ct);
    }

    private async Task RaiseAsync(Raise r, CancellationToken c)
    {
        if (await PastCalendarAsync(() => engine.RaiseAsync(r.Instance, r.Event, c))) return;
        switch (r.Event.Name)
        {
            case "concern.raised": Interlocked.Increment(ref Stats.ConcernsRaised); break;
            case "assessment.requested": Interlocked.Increment(ref Stats.AssessmentsRequested); break;
            case "assessment.decided":
                Interlocked.Increment(ref Stats.AssessmentDecisions);
                if (!r.Event.Data.Flag("assess")) Interlocked.Increment(ref Stats.PlansRefused);
                break;
            case "plan.decided":
                if (!r.Event.Data.Flag("issue")) Interlocked.Increment(ref Stats.PlansRefused);
                break;
            case "plan.issued": Interlocked.Increment(ref Stats.PlansIssued); break;
            case "review.meeting-held": Interlocked.Increment(ref Stats.ReviewMeetings); break;
            case "review.decided": Interlocked.Increment(ref Stats.ReviewDecisions); break;
            case "plan.amended": Interlocked.Increment(ref Stats.PlansAmended); break;
        }
    }

    /// <summary>The next step of a pupil's annual review, if it is due today: the meeting, the LA's decision, an amended plan.</summary>
    private static WorkflowEvent? ReviewStep(SimReview r, string state, DateOnly today)
    {
        var on = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        switch (state)
        {
            case "plan-in-place" when !r.MeetingHeld && today >= r.MeetingOn:
                r.MeetingHeld = true;
                r.DecideOn = today.AddDays(r.DecisionAfterDays);
                return Event("review.meeting-held", new() { ["heldOn"] = on });
            case "review-held" when today >= r.DecideOn:
                r.AmendOn = today.AddDays(r.AmendedAfterDays);
                return Event("review.decided", new() { ["decision"] = r.Decision, ["decidedOn"] = on, ["decidedBy"] = "SEN panel" });
            case "amending" when today >= r.AmendOn:
                r.AmendOn = DateOnly.MaxValue;
                return Event("plan.amended", new() { ["issuedOn"] = on, ["issuedBy"] = "LA officer" });
            default:
                return null;
        }
    }

    /// <summary>The LA's next step on an assessment, if it is due today; the draft's comment period ends by its own timer.</summary>
    private static WorkflowEvent? LaStep(SimCase c, string state, DateOnly today)
    {
        var on = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return state switch
        {
            "request-received" when today >= c.DecideOn =>
                Event("assessment.decided", new() { ["assess"] = c.Assess, ["decidedOn"] = on, ["decidedBy"] = "LA officer" }),
            "assessing" when today >= c.DraftOn =>
                Event("plan.decided", new() { ["issue"] = c.Issue, ["decidedOn"] = on, ["decidedBy"] = "SEN panel" }),
            "consultation" when today >= c.IssueOn =>
                Event("plan.issued", new() { ["issuedOn"] = on, ["issuedBy"] = "LA officer" }),
            _ => null,
        };
    }

    internal sealed record DueReview(Guid Id, string SubjectId, DateOnly DueOn, string DefinitionTaskId);

    internal sealed record Raise(SimPupil Pupil, Guid Instance, WorkflowEvent Event);

    internal sealed record DayReads(List<Raise> Raises, List<SimCase> Absences, List<(SimPupil Pupil, List<DueReview> Tasks)> Reviews);

    /// <summary>Open review tasks due today or earlier, by pupil, each pupil's in the order they are done.</summary>
    private async Task<List<(SimPupil Pupil, List<DueReview> Tasks)>> DueReviewsAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && t.Kind == "review" && t.DueOn <= today)
            .Select(t => new DueReview(t.Id, t.SubjectId, t.DueOn, t.DefinitionTaskId)).ToListAsync(ct);
        return due.GroupBy(t => t.SubjectId)
            .Select(g => (_byId[g.Key], g.OrderBy(t => t.DueOn).ThenBy(t => t.DefinitionTaskId, StringComparer.Ordinal).ThenBy(t => t.Id).ToList()))
            .ToList();
    }

    /// <summary>
    /// A pupil's review tasks due today or earlier. The first time a task is seen its fate is drawn: done on its due
    /// day, or a few school days late (it goes overdue and the deadline round escalates it); and the progress.
    /// </summary>
    private async Task ReviewAsync(SimPupil p, List<DueReview> tasks, DateOnly today, CancellationToken c)
    {
        foreach (var t in tasks)
        {
            if (!p.Reviews.TryGetValue(t.Id, out var plan))
            {
                var on = p.Random.NextDouble() < Model.ReviewOnTime ? t.DueOn
                    : Late(t.DueOn, p.Random.Next(Model.LateMinSchoolDays, Model.LateMaxSchoolDays + 1));
                p.Reviews[t.Id] = plan = new ReviewPlan(on, Model.DrawProgress(p.Random));
            }
            if (plan.On > today) continue;
            p.Reviews.Remove(t.Id);
            try
            {
                if (!await PastCalendarAsync(() => engine.CompleteTaskAsync(t.Id, plan.Progress, null, Actor, c)))
                    Interlocked.Increment(ref Stats.ReviewsCompleted);
            }
            catch (TaskNotOpenException)
            {
                // An earlier review or event today moved the pupil on, and that closed this one.
                Interlocked.Increment(ref Stats.ReviewsAlreadyClosed);
            }
        }
    }

    /// <summary>The school day that many school days after the due day; never, if the calendar ends first.</summary>
    private DateOnly Late(DateOnly due, int schoolDays) =>
        calendar.Covers(due) && calendar.SchoolDaysBetween(due, calendar.Last) >= schoolDays ? calendar.AddSchoolDays(due, schoolDays)
            : DateOnly.MaxValue;

    /// <summary>
    /// Every other task (actions, forms, letters, meetings) is done on its due day, by direct UPDATEs rather than through the
    /// engine (no journal entry, no rule); an escalation task is closed once the overdue task it chases is no longer open.
    /// The writer runs them in its turn (<see cref="SqliteWorkflowWriter.CompleteInBulkAsync"/>): queued now, after the
    /// day's units and before the next night's, which need not wait for them. A night's unit that read a pupil's instance
    /// before its tasks were closed is refused and tried again, so the year is the same as if the closings had come first.
    /// </summary>
    private async Task BulkAsync(DateOnly today, DateTime now, CancellationToken ct)
    {
        var done = await writer.CompleteInBulkAsync(
            [BulkTaskFilter.OpenDueBy(today, "review", WorkTask.EscalationKind), BulkTaskFilter.SpentEscalations], now, Actor, ct);
        Stats.OtherTasksCompleted += done[0];
        Stats.EscalationTasksClosed += done[1];
    }

    /// <summary>
    /// Runs one unit of work; true if the engine refused it because a date it needed lies past the term calendar's
    /// last term (only in the calendar's last year). The unit changed nothing and is counted; a refused review stays
    /// open and is drawn again the next school day.
    /// </summary>
    private async Task<bool> PastCalendarAsync(Func<Task> unit)
    {
        try
        {
            await unit();
            return false;
        }
        catch (SchoolCalendarException)
        {
            Interlocked.Increment(ref Stats.RefusedPastCalendar);
            return true;
        }
    }

    private static WorkflowEvent Event(string name, Dictionary<string, object?> data) => new(name, new EventData(data), Actor);

    private Task EachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken ct) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, body);
}
