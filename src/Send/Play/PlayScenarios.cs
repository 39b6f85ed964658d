using System.Text.Json;
using SendWorkflow.Send.Definitions;

namespace SendWorkflow.Send.Play;

/// <summary>
/// Scenarios: the steps a designer tried in a Play session, saved under a name on the definition's variant with what each
/// ended in, and replayed on the draft as it is now, step by step beside what they ended in then. For those who may change
/// the variant. A scenario's test pupil is fictional, so nothing in it is a pupil's data.
/// </summary>
public sealed class PlayScenarios(IDbContextFactory<SendWorkflowDbContext> factory, PlaySessions sessions, AccessGuard guard, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ScenarioDto>> ListAsync(Caller caller, string definitionId, string? scope, CancellationToken ct)
    {
        var variant = await guard.RequireVariantAsync(caller, scope);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.PlayScenarios.AsNoTracking().Where(s => s.DefinitionId == definitionId && s.Scope == variant).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Select(Dto).ToList();
    }

    /// <summary>Saves the session's steps under the name (a scenario of that name on the variant is replaced).</summary>
    public async Task<ScenarioDto> SaveAsync(Caller caller, string definitionId, string? scope, ScenarioSave body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var variant = await guard.RequireVariantAsync(caller, scope);
        new ProblemCollector().Name(body.Name, "name", 80)
            .Check(body.SessionId is not null, "sessionId", "'sessionId' is required: the Play session whose steps to save.")
            .ThrowIfAny();
        var session = await sessions.RequireAsync(caller, definitionId, body.SessionId!.Value, ct);
        new ProblemCollector()
            .Check(session.Scope == variant, "sessionId", $"The session tries {DefinitionScope.Describe(session.Scope)} variant, not this one.")
            .Check(session.Steps.Count > 0, "sessionId", "The session has no steps yet: take some, then save them.")
            .ThrowIfAny();
        var name = body.Name!.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.PlayScenarios.FirstOrDefaultAsync(s => s.DefinitionId == definitionId && s.Scope == variant && s.Name == name, ct);
        if (row is null)
        {
            row = new PlayScenarioRecord { Id = Guid.NewGuid(), DefinitionId = definitionId, Scope = variant, Name = name };
            db.PlayScenarios.Add(row);
        }
        row.StartsOn = session.StartsOn;
        row.StartJson = JsonSerializer.Serialize(session.StartFacts, Json);
        row.StepsJson = JsonSerializer.Serialize(session.Steps.Select(s => s.Step).ToList(), Json);
        row.OutcomesJson = JsonSerializer.Serialize(session.Steps.Select(s => s.Outcome).ToList(), Json);
        row.Version = session.Version;
        row.CreatedAt = now;
        row.CreatedBy = caller.Actor;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("play-scenario", $"{definitionId}/{name}", null, caller.SchoolId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Someone saved a scenario named '{name}' at the same moment; save again to replace it.");
        }
        return Dto(row);
    }

    /// <summary>Gives a saved scenario another name; refused when the variant already has a scenario of that name.</summary>
    public async Task<ScenarioDto> RenameAsync(Caller caller, string definitionId, string? scope, string name, ScenarioRename body,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var variant = await guard.RequireVariantAsync(caller, scope);
        new ProblemCollector().Name(body.Name, "name", 80).ThrowIfAny();
        var newName = body.Name!.Trim();
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await FindAsync(db, definitionId, variant, name, ct);
        if (newName == row.Name) return Dto(row);
        if (await db.PlayScenarios.AnyAsync(s => s.DefinitionId == definitionId && s.Scope == variant && s.Name == newName, ct))
            throw new ConflictException($"{DefinitionScope.Describe(variant)} variant already has a scenario named '{newName}'.");
        row.Name = newName;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change,
            new AuditSubject("play-scenario", $"{definitionId}/{newName}", null, caller.SchoolId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Someone saved a scenario named '{newName}' at the same moment; choose another name.");
        }
        return Dto(row);
    }

    /// <summary>Deletes a saved scenario of the variant.</summary>
    public async Task DeleteAsync(Caller caller, string definitionId, string? scope, string name, CancellationToken ct)
    {
        var variant = await guard.RequireVariantAsync(caller, scope);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.PlayScenarios.Remove(await FindAsync(db, definitionId, variant, name, ct));
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("play-scenario", $"{definitionId}/{name}", null, caller.SchoolId)));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<PlayScenarioRecord> FindAsync(SendWorkflowDbContext db, string definitionId, string variant, string name,
        CancellationToken ct) =>
        await db.PlayScenarios.FirstOrDefaultAsync(s => s.DefinitionId == definitionId && s.Scope == variant && s.Name == name, ct)
        ?? throw new NotFoundException(
            $"Definition '{definitionId}' has no scenario named '{name}' in {DefinitionScope.Describe(variant)} variant.");

    /// <summary>Replays the scenario on the variant's draft as it is now: each step then and now, marking those that end differently.</summary>
    /// <param name="given">The document to replay on (the designer's open one, saved or not); null for the variant's saved draft.</param>
    public async Task<ReplayDto> ReplayAsync(Caller caller, string definitionId, string? scope, string name, CancellationToken ct,
        WorkflowDefinition? given = null)
    {
        var variant = await guard.RequireVariantAsync(caller, scope);
        PlayScenarioRecord row;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            row = await FindAsync(db, definitionId, variant, name, ct);
        }
        var scenario = Dto(row);
        var (draft, version, now) = await sessions.ReplayAsync(caller, definitionId, variant, given, scenario.StartsOn, scenario.Start,
            scenario.Steps, ct);
        var steps = scenario.Steps.Select((step, i) =>
        {
            var then = i < scenario.Outcomes.Count ? scenario.Outcomes[i] : null;
            return new ReplayStepDto(i + 1, step, PlaySession.Summary(step, draft.Definition), then, now[i], then is null || !then.SameEnd(now[i]));
        }).ToList();
        return new ReplayDto(scenario.Name, version, steps, steps.Count(s => s.Differs), draft.Problems, draft.LeftOut);
    }

    private static ScenarioDto Dto(PlayScenarioRecord r) => new(r.Name, r.DefinitionId, r.Scope, r.Version, r.StartsOn,
        JsonSerializer.Deserialize<PlayFacts>(r.StartJson, Json) ?? new PlayFacts(3, false, null, null),
        JsonSerializer.Deserialize<List<PlayStep>>(r.StepsJson, Json) ?? [],
        JsonSerializer.Deserialize<List<PlayOutcome>>(r.OutcomesJson, Json) ?? [], r.CreatedAt, r.CreatedBy);
}
