using SendWorkflow.Send.Definitions;

namespace SendWorkflow.Send.Access;

/// <summary>
/// Applies <see cref="AccessPolicy"/> to one caller and records the answer: a role that may not do something is
/// refused (403), a pupil, instance, school or borough outside the caller's scope is answered as if it did not exist
/// (404), and both are audited as denied. Every operation of the service checks here, so the API and the Studio agree.
/// </summary>
public sealed class AccessGuard(AuditLog audit, DefinitionCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// The pupil whose record the caller reads: one in their scope, or one drawn for an SEN audit held today whose team they
    /// are on (<see cref="AccessPolicy.AuditSampleFor"/>; <c>ByAudit</c> says so); otherwise 404, audited.
    /// </summary>
    public async Task<(Pupil Pupil, bool ByAudit)> RequirePupilRecordAsync(SendWorkflowDbContext db, Caller caller, string pupilId,
        CancellationToken ct)
    {
        if (await AccessPolicy.AuditSampleFor(caller.User, db, UkTime.DateOf(time.GetUtcNow())).AnyAsync(p => p == pupilId, ct))
            return (await db.Pupils.AsNoTracking().FirstAsync(p => p.Id == pupilId, ct), true);
        return (await RequirePupilAsync(db, caller, pupilId, "pupil", null, ct), false);
    }

    /// <summary>Whether instances of the definition are statutory work (the definition says so).</summary>
    public async Task<bool> IsStatutoryAsync(string definitionId, CancellationToken ct) =>
        (await catalog.StatutoryIdsAsync(ct)).Contains(definitionId);

    /// <summary>The instances the caller may see, as a query to build on.</summary>
    public async Task<IQueryable<WorkflowInstance>> InstancesAsync(SendWorkflowDbContext db, Caller caller, CancellationToken ct) =>
        AccessPolicy.InstancesFor(caller.User, db, await catalog.StatutoryIdsAsync(ct));

    /// <summary>The tasks the caller may see, as a query to build on.</summary>
    public async Task<IQueryable<WorkTask>> TasksAsync(SendWorkflowDbContext db, Caller caller, CancellationToken ct) =>
        AccessPolicy.TasksFor(caller.User, db, await catalog.StatutoryIdsAsync(ct));

    /// <summary>Records a look or a refusal, durably, before the caller is answered.</summary>
    public Task AuditAsync(Caller caller, string action, string resource, string? resourceId, string? pupilId, string? schoolId,
        int status = 200) =>
        audit.RecordAsync(Entry(caller, action, new AuditSubject(resource, resourceId, pupilId, schoolId), status));

    /// <summary>
    /// The entry of a change, to commit with the change itself: attached to the engine's unit of work
    /// (<c>AuditScope.Attach</c>) or added to the database context that saves the change.
    /// </summary>
    public AuditEntryRecord Entry(Caller caller, string action, AuditSubject subject, int status = 200) =>
        audit.Entry(caller.User, new AuditRequest(caller.Method, caller.Path, caller.Address), action, subject, status);

    /// <summary>
    /// The variant of a definition the caller changes: the one asked for, else their own (their school's, their borough's,
    /// or for an administrator the default); refused (403, audited) when it is not theirs to change.
    /// </summary>
    public async Task<string> RequireVariantAsync(Caller caller, string? requested)
    {
        var scope = requested ?? DefinitionScope.OwnOf(caller);
        if (!DefinitionScope.IsValid(scope))
            throw new RequestValidationException([new Problem($"'{scope}' is not a variant (school:ID, borough:ID or empty).", "scope")]);
        if (DefinitionScope.MayChange(caller, scope)) return scope;
        await AuditAsync(caller, AuditActions.Denied, "definition", scope, null, null, 403);
        throw new ForbiddenException(
            $"Your role ({caller.Role ?? "none"}) may not change {DefinitionScope.Describe(scope)} variant of a definition.");
    }

    /// <summary>Refuses (403, audited) unless the caller has one of the roles.</summary>
    public async Task RequireRoleAsync(Caller caller, string what, IReadOnlyCollection<string> roles)
    {
        if (caller.Is(roles)) return;
        await AuditAsync(caller, AuditActions.Denied, what, null, null, null, 403);
        throw new ForbiddenException($"Your role ({caller.Role ?? "none"}) may not {what}.");
    }

    /// <summary>Refuses (403) what the caller's role may not do to this record, and audits the refusal with the record's pupil.</summary>
    public async Task RefuseAsync(Caller caller, string resource, string? resourceId, string? pupilId, string? schoolId, string why)
    {
        await AuditAsync(caller, AuditActions.Denied, resource, resourceId, pupilId, schoolId, 403);
        throw new ForbiddenException(why);
    }

    /// <summary>The pupil, if the caller may see them; otherwise a 404 (and the attempt is audited).</summary>
    public async Task<Pupil> RequirePupilAsync(SendWorkflowDbContext db, Caller caller, string pupilId, string resource, string? resourceId,
        CancellationToken ct)
    {
        var pupil = await AccessPolicy.PupilsFor(caller.User, db).AsNoTracking().FirstOrDefaultAsync(p => p.Id == pupilId, ct);
        if (pupil is not null) return pupil;
        // An SEN audit's visiting SENCo reads the drawn pupils' records on the day (RequirePupilRecordAsync); nothing more.
        if (await AccessPolicy.AuditSampleFor(caller.User, db, UkTime.DateOf(time.GetUtcNow())).AnyAsync(p => p == pupilId, ct))
        {
            await RefuseAsync(caller, resource, resourceId ?? pupilId, pupilId, null,
                "The SEN audit team reads the drawn pupils' records on the audit day (their record page); it changes nothing.");
        }
        await AuditAsync(caller, AuditActions.Denied, resource, resourceId ?? pupilId, pupilId, null, 404);
        throw new NotFoundException($"There is no {resource} '{resourceId ?? pupilId}'.");
    }

    /// <summary>
    /// The instance's pupil must be in scope, and for an LA officer the instance must be statutory work; a school's
    /// programme is not a pupil's instance (404).
    /// </summary>
    public async Task<Pupil> RequireInstanceAsync(SendWorkflowDbContext db, Caller caller, WorkflowInstance instance, CancellationToken ct)
    {
        if (SchoolSubject.Is(instance.SubjectId))
        {
            await AuditAsync(caller, AuditActions.Denied, "instance", instance.Id.ToString(), null, instance.SchoolId, 404);
            throw new NotFoundException($"There is no pupil's instance '{instance.Id}'.");
        }
        var pupil = await RequirePupilAsync(db, caller, instance.SubjectId, "instance", instance.Id.ToString(), ct);
        if (caller.Role == StaffRoles.LaOfficer && !await IsStatutoryAsync(instance.DefinitionId, ct))
        {
            await AuditAsync(caller, AuditActions.Denied, "instance", instance.Id.ToString(), instance.SubjectId, pupil.SchoolId, 404);
            throw new NotFoundException($"There is no instance '{instance.Id}'.");
        }
        return pupil;
    }

    /// <summary>
    /// The instance, whether it is a pupil's (see <see cref="RequireInstanceAsync"/>) or a school's programme (its own
    /// staff and an administrator; for a statutory one, the borough's officers too); otherwise 404, audited.
    /// </summary>
    public async Task RequireSubjectAsync(SendWorkflowDbContext db, Caller caller, WorkflowInstance instance, CancellationToken ct)
    {
        if (!SchoolSubject.Is(instance.SubjectId))
        {
            await RequireInstanceAsync(db, caller, instance, ct);
            return;
        }
        if (AccessPolicy.SeesSchoolWork(caller.User, instance.SchoolId)) return;
        // The borough's own work on the school (statutory school workflows) is also its officers'.
        if (await IsStatutoryAsync(instance.DefinitionId, ct) && await (await InstancesAsync(db, caller, ct)).AnyAsync(i => i.Id == instance.Id, ct))
            return;
        await AuditAsync(caller, AuditActions.Denied, "instance", instance.Id.ToString(), null, instance.SchoolId, 404);
        throw new NotFoundException($"There is no instance '{instance.Id}'.");
    }

    /// <summary>The task, if its pupil (and for an LA officer, its workflow) is in the caller's scope; otherwise 404, audited.</summary>
    public async Task<WorkTask> RequireTaskAsync(SendWorkflowDbContext db, Caller caller, Guid taskId, CancellationToken ct)
    {
        var task = await (await TasksAsync(db, caller, ct)).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is not null) return task;
        await AuditAsync(caller, AuditActions.Denied, "task", taskId.ToString(), null, null, 404);
        throw new NotFoundException($"There is no task '{taskId}'.");
    }

    /// <summary>Refuses (403) a role that may not, and (404) another school than the caller's own; an administrator sees every school.</summary>
    public async Task RequireSchoolAsync(Caller caller, string schoolId, string what, IReadOnlyCollection<string> roles)
    {
        await RequireRoleAsync(caller, what, roles);
        if (caller.IsAdministrator || caller.SchoolId == schoolId) return;
        await AuditAsync(caller, AuditActions.Denied, "school", schoolId, null, schoolId, 404);
        throw new NotFoundException($"There is no school '{schoolId}'.");
    }

    /// <summary>Refuses (404 for another borough, 403 for other roles) unless the caller is that borough's LA officer or an administrator.</summary>
    public async Task RequireBoroughAsync(Caller caller, string boroughId)
    {
        await RequireRoleAsync(caller, "see a borough's statutory work", AccessPolicy.BoroughViewers);
        if (caller.Role != StaffRoles.LaOfficer || caller.BoroughId == boroughId) return;
        await AuditAsync(caller, AuditActions.Denied, "borough", boroughId, null, null, 404);
        throw new NotFoundException($"There is no borough '{boroughId}'.");
    }

    /// <summary>
    /// The borough's work on a school (its self-review): refuses (403) a role that may not, and (404, audited) a school outside
    /// the caller's reach: school staff reach their own school, an LA officer their borough's, an educational psychologist the
    /// schools their borough assigned them, an administrator every school. The school, when reached.
    /// </summary>
    public async Task<School> RequireSchoolOversightAsync(SendWorkflowDbContext db, Caller caller, string schoolId, string what,
        IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        await RequireRoleAsync(caller, what, roles);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        var reached = school is not null && caller.Role switch
        {
            StaffRoles.Administrator => true,
            StaffRoles.LaOfficer => school.BoroughId == caller.BoroughId,
            StaffRoles.EducationalPsychologist => await AccessPolicy.EpSchoolsFor(caller.User, db).AnyAsync(s => s == schoolId, ct),
            _ => caller.SchoolId == schoolId,
        };
        if (reached) return school!;
        await AuditAsync(caller, AuditActions.Denied, "school", schoolId, null, schoolId, 404);
        throw new NotFoundException($"There is no school '{schoolId}'.");
    }

    /// <summary>
    /// A borough's work across its schools: refuses (403) a role that may not, and (404, audited) another borough than an LA
    /// officer's or an educational psychologist's own; an administrator reaches every borough.
    /// </summary>
    public async Task RequireOwnBoroughAsync(Caller caller, string boroughId, string what, IReadOnlyCollection<string> roles)
    {
        await RequireRoleAsync(caller, what, roles);
        if (caller.IsAdministrator || caller.BoroughId == boroughId) return;
        await AuditAsync(caller, AuditActions.Denied, "borough", boroughId, null, null, 404);
        throw new NotFoundException($"There is no borough '{boroughId}'.");
    }
}
