namespace SendWorkflow.Send.SelfReviews;

/// <summary>
/// The borough's educational psychologists and the schools it assigns them to (one EP per school): the EP then sees and
/// works in those schools' statutory school workflows (their self-review), and nothing of any pupil.
/// </summary>
public sealed class EducationalPsychologists(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time)
{
    private const string Resource = "ep-assignment";

    /// <summary>Every school of the borough with its EP, if one is assigned.</summary>
    public async Task<IReadOnlyList<EpAssignmentDto>> ListAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireOwnBoroughAsync(caller, boroughId, "see the borough's educational psychologists",
            Capabilities.Of(Capabilities.ManageBoroughSchools));
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Boroughs.AnyAsync(b => b.Id == boroughId, ct)) throw new NotFoundException($"There is no borough '{boroughId}'.");
        await guard.AuditAsync(caller, AuditActions.Read, Resource, boroughId, null, null);
        var rows = await (from s in db.Schools.AsNoTracking()
                          where s.BoroughId == boroughId
                          join a in db.EpAssignments.AsNoTracking() on s.Id equals a.SchoolId into assigned
                          from a in assigned.DefaultIfEmpty()
                          join u in db.Users.AsNoTracking() on a.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          orderby s.Name
                          select new
                          {
                              s.Id, s.Name, UserId = a == null ? null : a.UserId, u.DisplayName,
                              AssignedAt = a == null ? (DateTime?)null : a.AssignedAt,
                          })
            .ToListAsync(ct);
        return rows.Select(r => new EpAssignmentDto(r.Id, r.Name, r.UserId, r.DisplayName,
            r.AssignedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null)).ToList();
    }

    /// <summary>The borough's educational psychologists (accounts of the role with the borough's id), to choose from.</summary>
    public async Task<IReadOnlyList<EducationalPsychologistDto>> CandidatesAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireOwnBoroughAsync(caller, boroughId, "see the borough's educational psychologists",
            Capabilities.Of(Capabilities.ManageBoroughSchools));
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "educational-psychologists", boroughId, null, null);
        return await (from u in db.Users.AsNoTracking()
                      where u.BoroughId == boroughId
                          && db.UserRoles.Any(ur => ur.UserId == u.Id
                              && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRoles.EducationalPsychologist))
                      orderby u.DisplayName
                      select new EducationalPsychologistDto(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Assigns an EP of the school's own borough to the school, replacing any before them.</summary>
    public async Task<EpAssignmentDto> AssignAsync(Caller caller, string boroughId, string schoolId, AssignEpRequest body, CancellationToken ct)
    {
        await guard.RequireOwnBoroughAsync(caller, boroughId, "assign the borough's educational psychologists",
            Capabilities.Of(Capabilities.ManageBoroughSchools));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId && s.BoroughId == boroughId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}' in the borough '{boroughId}'.");
        var problems = new ProblemCollector().Require(body.UserId, "userId", 450);
        var ep = body.UserId is null ? null : await (
            from u in db.Users.AsNoTracking()
            where u.Id == body.UserId
            select new
            {
                u.Id, u.DisplayName, u.BoroughId,
                IsEp = db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRoles.EducationalPsychologist)),
            }).FirstOrDefaultAsync(ct);
        if (body.UserId is not null)
        {
            problems.Check(ep is not null, "userId", $"There is no member of staff '{body.UserId}'.")
                .Check(ep is null || ep.IsEp, "userId", $"'{ep?.DisplayName}' is not an educational psychologist.")
                .Check(ep is null || !ep.IsEp || ep.BoroughId == boroughId, "userId",
                    $"'{ep?.DisplayName}' is an educational psychologist of another borough ({ep?.BoroughId}), not of '{boroughId}'.");
        }
        problems.ThrowIfAny();

        var now = time.GetUtcNow();
        var row = await db.EpAssignments.FirstOrDefaultAsync(a => a.SchoolId == schoolId, ct);
        if (row is null)
        {
            row = new EpAssignment { SchoolId = schoolId, BoroughId = boroughId };
            db.EpAssignments.Add(row);
        }
        row.UserId = ep!.Id;
        row.AssignedAt = now.UtcDateTime;
        row.AssignedBy = caller.Actor;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{boroughId} {schoolId}", null, schoolId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Someone else assigned the school's educational psychologist at the same moment; look again.");
        }
        return new EpAssignmentDto(school.Id, school.Name, ep.Id, ep.DisplayName, now);
    }

    /// <summary>Takes the school's EP off it: they no longer see its self-review. A school without one is left as it is.</summary>
    public async Task UnassignAsync(Caller caller, string boroughId, string schoolId, CancellationToken ct)
    {
        await guard.RequireOwnBoroughAsync(caller, boroughId, "assign the borough's educational psychologists",
            Capabilities.Of(Capabilities.ManageBoroughSchools));
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Schools.AnyAsync(s => s.Id == schoolId && s.BoroughId == boroughId, ct))
            throw new NotFoundException($"There is no school '{schoolId}' in the borough '{boroughId}'.");
        var row = await db.EpAssignments.FirstOrDefaultAsync(a => a.SchoolId == schoolId, ct);
        if (row is null) return;
        db.EpAssignments.Remove(row);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{boroughId} {schoolId}", null, schoolId)));
        await db.SaveChangesAsync(ct);
    }
}
