using System.Text.Json;
using SendWorkflow.Send.Definitions;
using SendWorkflow.Workflows.Runtime.Migration;

namespace SendWorkflow.Send.Migrations;

/// <summary>
/// Moves running pupils from one version of a definition to another with a state map: a preview per pupil (the engine's
/// dry run, nothing written), then the move itself, persisted and applied in the background by <see cref="MigrationRunner"/>
/// with its progress readable and resumable. One move of a version at a time. The API and the Studio both call here.
/// </summary>
public sealed class PupilMigrations(
    IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, AccessGuard guard, MigrationRunner runner, TimeProvider time)
{
    public async Task<MigrationPreview> PreviewAsync(Caller caller, string id, MigrationRequest body, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var scope = await MigrationRequests.ResolveAsync(db, guard, caller, (id, body), ct);
        await guard.AuditAsync(caller, AuditActions.Read, "migration-preview", id, null, SchoolOf(scope.Scope));
        var pupils = new List<PupilMovePlan>(scope.Candidates.Count);
        foreach (var c in scope.Candidates)
        {
            var outcome = await engine.MigrateAsync(
                new InstanceMigration(c.Instance.Id, scope.Versions, Expected(body, c), caller.Actor, DryRun: true), ct);
            pupils.Add(outcome.Result == MigrationResult.Skipped
                ? new PupilMovePlan(c.Instance.Id, c.Instance.SubjectId, c.Name, c.Instance.State, c.Instance.State, false,
                    c.Instance.EnteredStateAt, outcome.SkipReason)
                : PupilMovePlan.Of(outcome, c.Name));
        }
        var v = scope.Versions;
        return new MigrationPreview(id, v.From, v.To, v.StateMap, pupils.Count, pupils);
    }

    /// <summary>Starts the move (each pupil at the state the preview showed, when given) and answers with its progress.</summary>
    /// <exception cref="ConflictException">A move of the same version is running.</exception>
    public async Task<MigrationProgress> StartAsync(Caller caller, string id, MigrationRequest body, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var scope = await MigrationRequests.ResolveAsync(db, guard, caller, (id, body), ct);
        var v = scope.Versions;
        if (scope.Candidates.Count == 0)
        {
            throw new RequestValidationException([new Problem(
                $"No pupil this move reaches runs version {v.From} of '{id}': there is no one to move.", "pupils")]);
        }
        if (await db.PupilMigrations.AsNoTracking().FirstOrDefaultAsync(
                m => m.DefinitionId == id && m.FromVersion == v.From && m.Status == MigrationStatus.Running, ct) is { } running)
        {
            throw Busy(running);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var record = new PupilMigrationRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            DefinitionId = id,
            FromVersion = v.From,
            ToVersion = v.To,
            Scope = scope.Scope,
            StateMap = JsonSerializer.Serialize(v.StateMap),
            Status = MigrationStatus.Running,
            CreatedAt = now,
            CreatedBy = caller.Actor,
            CreatedById = caller.UserId,
        };
        db.PupilMigrations.Add(record);
        var position = 0;
        foreach (var c in scope.Candidates)
        {
            db.PupilMigrationItems.Add(new PupilMigrationItem
            {
                MigrationId = record.Id,
                InstanceId = c.Instance.Id,
                SubjectId = c.Instance.SubjectId,
                SchoolId = c.Instance.SchoolId,
                ExpectedState = Expected(body, c) ?? c.Instance.State,
                Position = position++,
                Status = MigrationStatus.Pending,
            });
        }
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("migration", record.Id.ToString(), null, SchoolOf(scope.Scope)),
            202));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another move of the same version was started between the check and the save (the unique running index).
            throw new ConflictException($"A move of version {v.From}'s pupils of '{id}' has just been started: wait for it to finish.");
        }
        runner.Start(record.Id, caller.User, new AuditRequest(caller.Method, caller.Path, caller.Address));
        return await ReadAsync(db, record.Id, ct);
    }

    /// <summary>The move as it stands, for whoever may move the pupils of its variant.</summary>
    public async Task<MigrationProgress> ProgressAsync(Caller caller, string id, Guid migrationId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await RequireAsync(db, caller, id, migrationId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "migration", migrationId.ToString(), null, SchoolOf(record.Scope));
        return await ReadAsync(db, migrationId, ct);
    }

    /// <summary>Goes on with a move that an interruption left running (nothing happens to one running now or finished).</summary>
    public async Task<MigrationProgress> ResumeAsync(Caller caller, string id, Guid migrationId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await RequireAsync(db, caller, id, migrationId, ct);
        await guard.AuditAsync(caller, AuditActions.Change, "migration", migrationId.ToString(), null, SchoolOf(record.Scope), 202);
        if (record.Status == MigrationStatus.Running)
            runner.Start(record.Id, caller.User, new AuditRequest(caller.Method, caller.Path, caller.Address));
        return await ReadAsync(db, migrationId, ct);
    }

    /// <summary>The moves of a definition, newest first (for the Studio's list and a running move's progress).</summary>
    public async Task<IReadOnlyList<MigrationProgress>> ListAsync(Caller caller, string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var records = await db.PupilMigrations.AsNoTracking().Where(m => m.DefinitionId == id).OrderByDescending(m => m.CreatedAt)
            .ToListAsync(ct);
        var mine = records.Where(m => DefinitionScope.MayChange(caller, m.Scope)).ToList();
        if (mine.Count > 0) await guard.AuditAsync(caller, AuditActions.Read, "migrations", id, null, caller.SchoolId);
        var list = new List<MigrationProgress>(mine.Count);
        foreach (var m in mine) list.Add(await ReadAsync(db, m.Id, ct));
        return list;
    }

    /// <summary>What the Studio's form starts from: the states pupils are in now, the target's states, the map pre-filled.</summary>
    public async Task<MigrationChoices> ChoicesAsync(Caller caller, string id, int from, int to, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var scope = await MigrationRequests.ResolveAsync(db, guard, caller, (id, new MigrationRequest(from, to)), ct, mapOptional: true);
        var running = scope.Candidates.GroupBy(c => c.Instance.State)
            .Select(g => new RunningState(g.Key, scope.From.States.FirstOrDefault(s => s.Id == g.Key)?.Name ?? g.Key, g.Count()))
            .OrderBy(r => scope.From.States.FindIndex(s => s.Id == r.Id)).ToList();
        var targets = scope.To.States.Select(s => new StateChoice(s.Id, s.Name)).ToList();
        return new MigrationChoices(running, targets, scope.Versions.StateMap);
    }

    private async Task<PupilMigrationRecord> RequireAsync(SendWorkflowDbContext db, Caller caller, string id, Guid migrationId,
        CancellationToken ct)
    {
        var record = await db.PupilMigrations.AsNoTracking().FirstOrDefaultAsync(m => m.Id == migrationId && m.DefinitionId == id, ct)
            ?? throw new NotFoundException($"There is no move '{migrationId}' of '{id}'.");
        await guard.RequireVariantAsync(caller, record.Scope);
        return record;
    }

    private static async Task<MigrationProgress> ReadAsync(SendWorkflowDbContext db, Guid migrationId, CancellationToken ct)
    {
        var m = await db.PupilMigrations.AsNoTracking().FirstAsync(x => x.Id == migrationId, ct);
        var items = await db.PupilMigrationItems.AsNoTracking().Where(i => i.MigrationId == migrationId).OrderBy(i => i.Position)
            .ToListAsync(ct);
        var ids = items.Select(i => i.SubjectId).Distinct().ToList();
        var names = (await db.Pupils.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        int Count(string status) => items.Count(i => i.Status == status);
        return new MigrationProgress(m.Id, m.DefinitionId, m.FromVersion, m.ToVersion, m.Status, items.Count, Count(MigrationStatus.Moved),
            Count(MigrationStatus.Skipped), Count(MigrationStatus.Failed), Count(MigrationStatus.Pending), m.CreatedAt, m.CreatedBy,
            m.FinishedAt, JsonSerializer.Deserialize<Dictionary<string, string>>(m.StateMap) ?? [],
            items.Select(i => new PupilMoveResult(i.InstanceId, i.SubjectId, names.GetValueOrDefault(i.SubjectId), i.ExpectedState, i.Status,
                i.StateAfter, i.Reason)).ToList());
    }

    private static string? Expected(MigrationRequest body, MigrationCandidate c) =>
        body.ExpectedStates?.GetValueOrDefault(c.Instance.Id.ToString()) ?? body.ExpectedStates?.GetValueOrDefault(c.Instance.SubjectId);

    private static string? SchoolOf(string scope) => scope.StartsWith("school:", StringComparison.Ordinal) ? scope[7..] : null;

    private static ConflictException Busy(PupilMigrationRecord running) => new(
        $"A move of version {running.FromVersion}'s pupils of '{running.DefinitionId}' to version {running.ToVersion} is already running "
        + $"(started by {running.CreatedBy}, move {running.Id}): wait for it to finish, or resume it if it was interrupted.");
}
