namespace SendWorkflow.Send.Reminders;

/// <summary>A person's email settings: whether they take the morning digest, and whether this service sends email at all.</summary>
public sealed record ReminderSettingsDto(bool Digest, bool EmailEnabled);

/// <summary>A change to them: <c>{"digest": false}</c> turns the morning digest off.</summary>
public sealed record ReminderSettingsChange(bool? Digest);

/// <summary>
/// Each member of staff's own email settings, read and changed by them alone (the API's <c>/api/me/settings</c> and the
/// Studio's account page both come here); a change is audited with the change. The news of an escalation is not optional:
/// only the digest can be turned off.
/// </summary>
public sealed class ReminderSettings(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, EmailOptions options)
{
    public async Task<ReminderSettingsDto> GetAsync(Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var me = await OwnerAsync(db, caller, ct);
        return new ReminderSettingsDto(!me.DigestOff, options.Enabled);
    }

    public async Task<ReminderSettingsDto> SetAsync(Caller caller, ReminderSettingsChange change, CancellationToken ct)
    {
        new ProblemCollector().Check(change.Digest is not null, "digest", "'digest' is true (send me the morning digest) or false.").ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        var me = await OwnerAsync(db, caller, ct);
        me.DigestOff = change.Digest == false;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("settings", me.Id, null, me.SchoolId)));
        await db.SaveChangesAsync(ct);
        return new ReminderSettingsDto(!me.DigestOff, options.Enabled);
    }

    // Settings are a person's: someone with work to be reminded of, signed in with their own account (the bootstrap token is none).
    private async Task<StaffUser> OwnerAsync(SendWorkflowDbContext db, Caller caller, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "have email reminders", Capabilities.Of(Capabilities.Workspace));
        return caller.UserId is { Length: > 0 } id && await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) is { } user
            ? user
            : throw new ForbiddenException("Only a member of staff signed in with their own account has email settings.");
    }
}
