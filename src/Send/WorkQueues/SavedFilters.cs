namespace SendWorkflow.Send.WorkQueues;

/// <summary>
/// The inbox filters each member of staff saves under names of their own (at most 20): listed, saved (a name saved again
/// is replaced) and deleted by their owner only. Each change audited with the change.
/// </summary>
public sealed class SavedFilters(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time)
{
    public const int MaxPerPerson = 20;

    public async Task<IReadOnlyList<SavedFilterDto>> ListAsync(Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var me = await OwnerAsync(db, caller, ct);
        var rows = await db.SavedInboxFilters.AsNoTracking().Where(f => f.UserId == me).ToListAsync(ct);
        return rows.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).Select(Dto).ToList();
    }

    public async Task<SavedFilterDto> SaveAsync(Caller caller, string name, SaveFilterRequest body, CancellationToken ct)
    {
        var trimmed = name.Trim();
        new ProblemCollector().Name(trimmed, "name", 60)
            .Check(body.Queue is null || TaskQueueNames.All.Contains(body.Queue), "queue",
                $"'queue' is one of {string.Join(", ", TaskQueueNames.All)}.")
            .Check(body.Sort is null || TaskSorts.All.Contains(body.Sort), "sort", $"'sort' is one of {string.Join(", ", TaskSorts.All)}.")
            .Check(body.Stage is null or (>= 1 and <= 9), "stage", "'stage' must be between 1 and 9.")
            .Check(body.ClassName is not { Length: > 100 }, "className", "'className' must be at most 100 characters.")
            .Check(body.Kind is not { Length: > 100 }, "kind", "'kind' must be at most 100 characters.")
            .Check(body.Search is not { Length: > 100 }, "search", "'search' must be at most 100 characters.")
            .ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        var me = await OwnerAsync(db, caller, ct);
        var filter = await db.SavedInboxFilters.FirstOrDefaultAsync(f => f.UserId == me && f.Name == trimmed, ct);
        if (filter is null)
        {
            if (await db.SavedInboxFilters.CountAsync(f => f.UserId == me, ct) >= MaxPerPerson)
            {
                throw new RequestValidationException([new Problem(
                    $"You have {MaxPerPerson} saved filters already; delete one before saving another.", "name")]);
            }
            filter = new SavedInboxFilter { Id = Guid.CreateVersion7(), UserId = me, Name = trimmed };
            db.SavedInboxFilters.Add(filter);
        }
        filter.Queue = body.Queue ?? TaskQueueNames.MyWork;
        filter.ClassName = Blank(body.ClassName);
        filter.Stage = body.Stage;
        filter.Kind = Blank(body.Kind);
        filter.Search = Blank(body.Search);
        filter.Sort = body.Sort;
        filter.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("inbox-filter", filter.Id.ToString(), null, caller.SchoolId)));
        await db.SaveChangesAsync(ct);
        return Dto(filter);
    }

    public async Task DeleteAsync(Caller caller, string name, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var me = await OwnerAsync(db, caller, ct);
        var filter = await db.SavedInboxFilters.FirstOrDefaultAsync(f => f.UserId == me && f.Name == name.Trim(), ct)
            ?? throw new NotFoundException($"You have no saved filter '{name}'.");
        db.SavedInboxFilters.Remove(filter);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("inbox-filter", filter.Id.ToString(), null, caller.SchoolId)));
        await db.SaveChangesAsync(ct);
    }

    // Filters are a person's: someone with an inbox, signed in as a staff account (the bootstrap token is none).
    private async Task<string> OwnerAsync(SendWorkflowDbContext db, Caller caller, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "save inbox filters", Capabilities.Of(Capabilities.Workspace));
        if (caller.UserId is { Length: > 0 } id && await db.Users.AnyAsync(u => u.Id == id, ct)) return id;
        throw new ForbiddenException("Only a member of staff signed in with their own account has saved filters.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static SavedFilterDto Dto(SavedInboxFilter f) => new(f.Name, f.Queue, f.ClassName, f.Stage, f.Kind, f.Search, f.Sort);
}
