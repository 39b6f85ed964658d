using SendWorkflow.Rules;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Send.Cases;

/// <summary>
/// Explains where a pupil stands: for each transition leaving their current state, its rule, whether it would hold now
/// and each condition's current value, plus the findings that hold. Read within the caller's scope and audited.
/// </summary>
public sealed class Explanations(IDbContextFactory<SendWorkflowDbContext> factory, IDefinitionCatalog catalog,
    CalendarRegistry calendars, AccessGuard guard, TimeProvider time)
{
    public async Task<InstanceExplanationDto> ExplainAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new InstanceNotFoundException(id);
        await guard.RequireSubjectAsync(db, caller, instance, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "explanation", id.ToString(), instance.SubjectId, instance.SchoolId);
        var subject = await SubjectFacts.OfAsync(db, instance, ct);
        var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, instance.BoroughId, ct);
        var calendar = calendars.ForBorough(instance.BoroughId);
        var now = time.GetUtcNow();
        var reviews = FactsBuilder.Measures(instance, now, calendar);
        var state = definition.State(instance.State);
        var facts = FactsBuilder.Build(instance, subject.YearGroup, "", now, calendar, subject);
        var findings = definition.Rules.Findings(new RuleInput(facts, EventData.Empty) { Reviews = reviews });
        var transitions = definition.Definition.Transitions.Where(t => t.From == state.Id)
            .OrderBy(t => t.On, StringComparer.Ordinal).ThenBy(t => t.Priority)
            .Select(t =>
            {
                var input = new RuleInput(FactsBuilder.Build(instance, subject.YearGroup, t.On, now, calendar, subject), EventData.Empty)
                {
                    Reviews = reviews,
                };
                return Explain(definition, t, definition.Rules.Explain(t.Id, input));
            })
            .ToList();
        return new InstanceExplanationDto(instance.Id, state.Id, state.Name, facts,
            findings.Select(f => Finding(definition.Definition, f)).ToList(), transitions);
    }

    /// <summary>
    /// For each running workflow of the pupil the caller may see (an LA officer: the statutory ones), the findings that hold
    /// now. Audited once, as a read of the pupil's findings.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowFindingsDto>> FindingsOfPupilAsync(Caller caller, string pupilId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "pupil", null, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "findings", pupilId, pupilId, pupil.SchoolId);
        var instances = await db.Instances.AsNoTracking().Where(i => i.SubjectId == pupilId && i.Status == InstanceStatus.Active)
            .OrderBy(i => i.StartedAt).ToListAsync(ct);
        var now = time.GetUtcNow();
        var list = new List<WorkflowFindingsDto>();
        foreach (var instance in instances)
        {
            if (caller.Role == StaffRoles.LaOfficer && !await guard.IsStatutoryAsync(instance.DefinitionId, ct)) continue;
            var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, instance.BoroughId, ct);
            var found = definition.Definition.Findings.Count == 0 ? []
                : FindingsOf(definition, instance, await SubjectFacts.OfAsync(db, instance, ct), now, calendars.ForBorough(instance.BoroughId));
            list.Add(new WorkflowFindingsDto(instance.Id, definition.Definition.Name, definition.State(instance.State).Name,
                found.Select(f => Finding(definition.Definition, f)).ToList()));
        }
        return list;
    }

    private static IReadOnlyList<string> FindingsOf(CompiledDefinition definition, WorkflowInstance instance, SubjectPlacement subject,
        DateTimeOffset now, SchoolCalendar calendar) =>
        definition.Rules.Findings(new RuleInput(FactsBuilder.Build(instance, subject.YearGroup, "", now, calendar, subject), EventData.Empty)
        {
            Reviews = FactsBuilder.Measures(instance, now, calendar),
        });

    private static FindingDto Finding(WorkflowDefinition d, string id) =>
        d.Findings.TryGetValue(id, out var f) ? new FindingDto(id, f.Label ?? id, f.Description) : new FindingDto(id, id, null);

    private static TransitionExplanationDto Explain(CompiledDefinition definition, TransitionDefinition t, RuleExplanation why)
    {
        var to = definition.States.TryGetValue(t.To, out var target) ? target.Name : t.To;
        var when = definition.Definition.Events.TryGetValue(t.On, out var e) && e.When is { Length: > 0 } w ? w : $"'{t.On}' is recorded";
        var dependsOnEvent = why.Conditions.Any(c => c.ReadsEventData);
        return new TransitionExplanationDto(t.Id, t.On, t.To, to, t.Label, t.Rule?.Name, t.Rule?.Expression, why.Holds, dependsOnEvent,
            why.Conditions, ExplanationWords.Sentence(to, when, why));
    }
}
