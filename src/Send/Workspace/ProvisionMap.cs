using SendWorkflow.Send.Funding;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// A pupil's individual provision map: add a provision (intervention, entry and exit criteria, dates, who delivers it)
/// and record its impact at review. Within the caller's scope, by the roles that may change it, every change audited.
/// </summary>
public sealed class ProvisionMap(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time)
{
    private const string What = "change the provision map";

    public async Task<ProvisionDto> AddAsync(Caller caller, string pupilId, ProvisionRequest body, CancellationToken ct)
    {
        Check(body, creating: true).ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "pupil", null, ct);
        await guard.RequireRoleAsync(caller, What, Capabilities.Of(Capabilities.ChangeProvision));
        NotBeforeBirth(body, pupil.DateOfBirth).ThrowIfAny();
        var now = time.GetUtcNow();
        var row = new ProvisionRecord
        {
            Id = Guid.CreateVersion7(now), PupilId = pupil.Id, SchoolId = pupil.SchoolId, Intervention = body.Intervention!.Trim(),
            EntryCriteria = body.EntryCriteria!.Trim(), ExitCriteria = body.ExitCriteria!.Trim(), StartsOn = body.StartsOn!.Value,
            EndsOn = body.EndsOn, DeliveredBy = body.DeliveredBy!.Trim(), Impact = body.Impact, CreatedBy = caller.Actor,
            CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
        };
        ProvisionCosts.Apply(body, row);
        db.Provisions.Add(row);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("provision", row.Id.ToString(), pupil.Id, pupil.SchoolId), 201));
        await db.SaveChangesAsync(ct);
        return PupilRecords.ToDto(row);
    }

    /// <summary>Records the impact at review, or ends the provision; only the fields given change.</summary>
    public async Task<ProvisionDto> UpdateAsync(Caller caller, Guid id, ProvisionRequest body, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Provisions.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"There is no provision {id}.");
        var pupil = await guard.RequirePupilAsync(db, caller, row.PupilId, "provision", id.ToString(), ct);
        await guard.RequireRoleAsync(caller, What, Capabilities.Of(Capabilities.ChangeProvision));
        Check(body with { StartsOn = body.StartsOn ?? row.StartsOn }, creating: false).ThrowIfAny();
        NotBeforeBirth(body, (await db.Pupils.AsNoTracking().FirstAsync(p => p.Id == row.PupilId, ct)).DateOfBirth).ThrowIfAny();
        if (body.Intervention is not null) row.Intervention = body.Intervention.Trim();
        if (body.EntryCriteria is not null) row.EntryCriteria = body.EntryCriteria.Trim();
        if (body.ExitCriteria is not null) row.ExitCriteria = body.ExitCriteria.Trim();
        if (body.StartsOn is not null) row.StartsOn = body.StartsOn.Value;
        if (body.EndsOn is not null) row.EndsOn = body.EndsOn;
        if (body.DeliveredBy is not null) row.DeliveredBy = body.DeliveredBy.Trim();
        if (body.Impact is not null) row.Impact = body.Impact;
        ProvisionCosts.Apply(body, row);
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("provision", id.ToString(), pupil.Id, pupil.SchoolId)));
        await db.SaveChangesAsync(ct);
        return PupilRecords.ToDto(row);
    }

    private static ProblemCollector Check(ProvisionRequest body, bool creating)
    {
        var problems = new ProblemCollector();
        if (creating || body.Intervention is not null) problems.Require(body.Intervention, "intervention");
        if (creating || body.EntryCriteria is not null) problems.Require(body.EntryCriteria, "entryCriteria", 1000);
        if (creating || body.ExitCriteria is not null) problems.Require(body.ExitCriteria, "exitCriteria", 1000);
        if (creating || body.DeliveredBy is not null) problems.Require(body.DeliveredBy, "deliveredBy");
        ProvisionCosts.Check(body, problems);
        return problems
            .Check(!creating || body.StartsOn is not null, "startsOn", "'startsOn' is required (yyyy-MM-dd).")
            .Date(body.StartsOn, "startsOn").Date(body.EndsOn, "endsOn")
            .Check(body.EndsOn is null || body.StartsOn is null || body.EndsOn >= body.StartsOn, "endsOn", "The provision ends before it starts.")
            .Check(body.Impact is not { Length: > 2000 }, "impact", "'impact' must be at most 2000 characters.");
    }

    private static ProblemCollector NotBeforeBirth(ProvisionRequest body, DateOnly born) => new ProblemCollector()
        .Check(body.StartsOn is null || body.StartsOn >= born, "startsOn", "The provision starts before the pupil was born.")
        .Check(body.EndsOn is null || body.EndsOn >= born, "endsOn", "The provision ends before the pupil was born.");
}
