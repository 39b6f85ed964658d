namespace SendWorkflow.Host.Studio;

/// <summary>What the Studio reads beside the definitions: which versions pupils are running, and their instances.</summary>
public sealed class StudioQueries(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard)
{
    /// <summary>Active instances per version of a definition: the version running pupils are on.</summary>
    public async Task<IReadOnlyList<RunningVersion>> RunningVersionsAsync(string definitionId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.Status == InstanceStatus.Active)
            .GroupBy(i => i.Version)
            .Select(g => new RunningVersion(g.Key, g.Count()))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Version).ToList();
    }

    /// <summary>The pupils on a definition, newest first, for the Studio's list (names are shown, never logged).</summary>
    public async Task<IReadOnlyList<InstanceRow>> InstancesAsync(Caller caller, string definitionId, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // The one policy: the caller's pupils, and for an LA officer only the statutory workflows.
        var rows = await (
                from i in await guard.InstancesAsync(db, caller, ct)
                where i.DefinitionId == definitionId
                join p in db.Pupils.AsNoTracking() on i.SubjectId equals p.Id into pupils
                from p in pupils.DefaultIfEmpty()
                select new { i.Id, i.SubjectId, Name = p == null ? null : p.Name, i.Version, i.State, i.Stage, i.Status, i.StartedAt })
            .ToListAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "pupil-list", definitionId, null, caller.SchoolId);
        return rows.OrderByDescending(r => r.StartedAt).Take(take)
            .Select(r => new InstanceRow(r.Id, r.SubjectId, r.Name ?? r.SubjectId, r.Version, r.State, r.Stage,
                r.Status == InstanceStatus.Active, r.StartedAt))
            .ToList();
    }
}
