using System.Text.Json;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Definitions;

namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>
/// Pupils from the school's MIS, in three steps the SENCo takes one at a time: a CSV export is read and stored as a
/// preview (who is added, who changes and how, who has left, which rows are bad and why), nothing changed yet; applying
/// it changes the pupils in one transaction, audited pupil by pupil, and applying the same file again changes nothing
/// (pupils are found by UPN); a leaver's open work is closed, through the engine, only when the SENCo confirms. The API
/// and the Studio's import page both call these, for the school's leaders (<see cref="Capabilities.ManagePupils"/>).
/// A leaver's open work is the school's: their statutory work (an EHC needs assessment, annual reviews) is the local
/// authority's, follows the child to their next school and is left running.
/// </summary>
public sealed class PupilImports(IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, AccessGuard guard,
    DefinitionCatalog catalog, TimeProvider time)
{
    public const string Previewed = "previewed", Applied = "applied";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the file (at most <see cref="MisFile.MaxBytes"/>) and stores it as a preview; a file that is no export is refused.</summary>
    public async Task<PupilImportDto> PreviewAsync(Caller caller, string schoolId, string? fileName, Stream file, CancellationToken ct)
    {
        await RequireMayImportAsync(caller, schoolId);
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireSchoolExistsAsync(db, caller, schoolId, ct);
        var bytes = await ReadAsync(file, ct);
        var now = time.GetUtcNow();
        var content = MisFile.Read(bytes, UkTime.DateOf(now));
        var record = new PupilImportRecord
        {
            Id = Guid.CreateVersion7(now), SchoolId = schoolId, FileName = CleanFileName(fileName), Source = content.Source, Status = Previewed,
            Content = JsonSerializer.Serialize(content, Json), CreatedAt = now.UtcDateTime, CreatedBy = caller.Actor,
        };
        db.PupilImports.Add(record);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("pupil-import", record.Id.ToString(), null, schoolId), 201));
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(db, record, ct);
    }

    /// <summary>The import: while previewed, what applying it would do now; once applied, what it did.</summary>
    public async Task<PupilImportDto> GetAsync(Caller caller, string schoolId, Guid importId, CancellationToken ct)
    {
        await RequireAsync(caller, schoolId, "see an import of pupils");
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await FindAsync(db, caller, schoolId, importId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "pupil-import", importId.ToString(), null, schoolId);
        return await DescribeAsync(db, record, ct);
    }

    /// <summary>
    /// Adds and changes the pupils as the file says, in one transaction with an audit entry for each; once only (409 after).
    /// Leavers get their leaving date; their open work stays open until <see cref="CloseLeaversWorkAsync"/>.
    /// </summary>
    public async Task<PupilImportDto> ApplyAsync(Caller caller, string schoolId, Guid importId, CancellationToken ct)
    {
        await RequireMayImportAsync(caller, schoolId);
        await using var db = await factory.CreateDbContextAsync(ct);
        // Found (or refused and audited) before the transaction takes the database's write lock.
        var record = await FindAsync(db, caller, schoolId, importId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claimed first, inside the transaction: of two people pressing "Apply" at once, the second is told it was applied.
        var claimed = await db.PupilImports.Where(i => i.Id == importId && i.SchoolId == schoolId && i.Status == Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, Applied), ct);
        await db.Entry(record).ReloadAsync(ct);
        if (claimed == 0)
        {
            throw new ConflictException($"This import was applied on {UkTime.Format(UkTime.DateOfUtc(record.AppliedAt ?? record.CreatedAt))}; " +
                "upload the file again to see what it would change now.");
        }
        var now = time.GetUtcNow();
        var content = Content(record);
        var pupils = await db.Pupils.Where(p => p.SchoolId == schoolId).ToListAsync(ct);
        var plan = PupilImportPlan.Of(content, pupils, await OpenWorkAsync(db, schoolId, ct), UkTime.DateOf(now));
        foreach (var (pupil, row) in plan.Matched) PupilImportPlan.Update(pupil, row, content);
        foreach (var changed in plan.Changed) db.Audit.Add(PupilEntry(caller, changed.PupilId, schoolId, 200));
        var rows = content.Pupils.ToDictionary(p => p.Row);
        var added = new List<AddedPupil>(plan.Added.Count);
        foreach (var row in plan.Added)
        {
            var pupil = PupilImportPlan.NewPupil(rows[row.Row], schoolId, now);
            db.Pupils.Add(pupil);
            db.Audit.Add(PupilEntry(caller, pupil.Id, schoolId, 201));
            added.Add(row with { PupilId = pupil.Id });
        }
        record.AppliedAt = now.UtcDateTime;
        record.AppliedBy = caller.Actor;
        var outcome = Describe(record, content, plan with { Added = added });
        record.Outcome = JsonSerializer.Serialize(outcome, Json);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("pupil-import", importId.ToString(), null, schoolId)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// Closes the open work of the import's leavers (or of those with the UPNs given) through the engine: each of the
    /// school's workflows has its tasks cancelled, timers stopped and the leaving journaled, one workflow per transaction;
    /// audited. A pupil who is back on roll since is left alone.
    /// </summary>
    public async Task<LeaversClosed> CloseLeaversWorkAsync(Caller caller, string schoolId, Guid importId, CloseLeaversRequest body,
        CancellationToken ct)
    {
        await RequireAsync(caller, schoolId, "close the open work of pupils who have left");
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await FindAsync(db, caller, schoolId, importId, ct);
        if (record.Status != Applied)
            throw new ConflictException("Apply the import first: its leavers have not left yet as far as the service knows.");
        var leavers = JsonSerializer.Deserialize<PupilImportDto>(record.Outcome!, Json)!.Leavers;
        if (body.Upns is { Count: > 0 } upns)
        {
            var unknown = upns.Where(u => !leavers.Any(l => l.Upn == u)).ToList();
            if (unknown.Count > 0)
            {
                throw new RequestValidationException(
                    [.. unknown.Select(u => new Problem($"UPN {MisValues.Quote(u)} is not a leaver of this import.", "upns"))]);
            }
            leavers = [.. leavers.Where(l => upns.Contains(l.Upn))];
        }
        var today = UkTime.DateOf(time.GetUtcNow());
        var statutory = await catalog.StatutoryIdsAsync(ct);
        var closed = new List<LeaverClosed>();
        foreach (var leaver in leavers)
        {
            var pupil = await db.Pupils.AsNoTracking().FirstOrDefaultAsync(p => p.Id == leaver.PupilId && p.SchoolId == schoolId, ct);
            if (pupil?.LeftOn is not { } left || left > today) continue;
            var instances = await SchoolWork(db, schoolId, statutory).Where(i => i.SubjectId == pupil.Id)
                .OrderByDescending(i => i.StartedAt).Select(i => i.Id).ToListAsync(ct);
            var (workflows, tasks, timers) = (0, 0, 0);
            foreach (var id in instances)
            {
                var entry = guard.Entry(caller, AuditActions.Change, new AuditSubject("instance", id.ToString(), pupil.Id, schoolId));
                InstanceClosure closure;
                using (AuditScope.Attach(entry))
                {
                    closure = await engine.CloseAsync(id,
                        $"left the school on {UkTime.Format(left)}, as the school's MIS records; closed when the school confirmed it.",
                        caller.Actor, ct);
                }
                if (!closure.Closed) continue;
                (workflows, tasks, timers) = (workflows + 1, tasks + closure.TasksCancelled, timers + closure.TimersCancelled);
            }
            closed.Add(new LeaverClosed(pupil.Id, leaver.Upn, pupil.Name, left, workflows, tasks, timers));
        }
        record.LeaversClosedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new LeaversClosed(importId, closed);
    }

    private async Task<PupilImportDto> DescribeAsync(SendWorkflowDbContext db, PupilImportRecord record, CancellationToken ct)
    {
        var open = await OpenWorkAsync(db, record.SchoolId, ct);
        if (record.Status == Applied)
        {
            // What it did, with how much of each leaver's work is open now.
            var outcome = JsonSerializer.Deserialize<PupilImportDto>(record.Outcome!, Json)!;
            return outcome with
            {
                LeaversClosedAt = record.LeaversClosedAt,
                Leavers = [.. outcome.Leavers.Select(l => l with { OpenWorkflows = open.GetValueOrDefault(l.PupilId) })],
            };
        }
        var content = Content(record);
        var pupils = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == record.SchoolId).ToListAsync(ct);
        return Describe(record, content, PupilImportPlan.Of(content, pupils, open, UkTime.DateOf(time.GetUtcNow())));
    }

    private static PupilImportDto Describe(PupilImportRecord r, MisFileContent content, PupilImportPlan plan) => new(
        r.Id, r.SchoolId, r.FileName, r.Source, r.Status, r.CreatedAt, r.AppliedAt, r.LeaversClosedAt, content.Rows, content.Columns,
        content.IgnoredColumns, plan.Added, plan.Changed, plan.Unchanged, plan.Leavers, plan.Skipped, content.BadRows, plan.NotInFile);

    /// <summary>How many of the school's own workflows (not the LA's statutory ones) each pupil has running.</summary>
    private async Task<Dictionary<string, int>> OpenWorkAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        var statutory = await catalog.StatutoryIdsAsync(ct);
        return await SchoolWork(db, schoolId, statutory).GroupBy(i => i.SubjectId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private static IQueryable<WorkflowInstance> SchoolWork(SendWorkflowDbContext db, string schoolId, IReadOnlyCollection<string> statutory) =>
        db.Instances.AsNoTracking().Where(i => i.SchoolId == schoolId && i.Status == InstanceStatus.Active && !statutory.Contains(i.DefinitionId));

    private static MisFileContent Content(PupilImportRecord record) => JsonSerializer.Deserialize<MisFileContent>(record.Content, Json)!;

    private AuditEntryRecord PupilEntry(Caller caller, string pupilId, string schoolId, int status) =>
        guard.Entry(caller, AuditActions.Change, new AuditSubject("pupil", pupilId, pupilId, schoolId), status);

    /// <summary>Refuses (403, or 404 for another school) a caller who may not import, before a byte of their file is read.</summary>
    public Task RequireMayImportAsync(Caller caller, string schoolId) => RequireAsync(caller, schoolId, "import pupils from the MIS");

    private Task RequireAsync(Caller caller, string schoolId, string what) =>
        guard.RequireSchoolAsync(caller, schoolId, what, Capabilities.Of(Capabilities.ManagePupils));

    private async Task RequireSchoolExistsAsync(SendWorkflowDbContext db, Caller caller, string schoolId, CancellationToken ct)
    {
        if (await db.Schools.AnyAsync(s => s.Id == schoolId, ct)) return;
        await guard.AuditAsync(caller, AuditActions.Denied, "school", schoolId, null, schoolId, 404);
        throw new NotFoundException($"There is no school '{schoolId}'.");
    }

    private async Task<PupilImportRecord> FindAsync(SendWorkflowDbContext db, Caller caller, string schoolId, Guid importId, CancellationToken ct)
    {
        var record = await db.PupilImports.FirstOrDefaultAsync(i => i.Id == importId && i.SchoolId == schoolId, ct);
        if (record is not null) return record;
        await guard.AuditAsync(caller, AuditActions.Denied, "pupil-import", importId.ToString(), null, schoolId, 404);
        throw new NotFoundException($"There is no import '{importId}' of school '{schoolId}'.");
    }

    /// <summary>The file's bytes; refused (413) past the limit without reading the rest.</summary>
    private static async Task<byte[]> ReadAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MisFile.MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static FileTooLargeException TooLarge() => new($"The file is over {MisFile.MaxBytes / (1024 * 1024)} MB: an export of a " +
        "school's pupils is far smaller. Export the pupils only, as CSV.");

    /// <summary>The file's own name, without a path, control characters or more than 200 characters.</summary>
    private static string? CleanFileName(string? name)
    {
        var clean = new string([.. Path.GetFileName((name ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean.Length > 200 ? clean[..200] : clean;
    }
}
