using System.Text.Json;

namespace SendWorkflow.Send.Statutory;

/// <summary>
/// Records exceptions to the time limits on statutory cases. The deadlines stay as the law sets them; an exception
/// only changes how the case is counted in compliance reports. Each is journaled on the case.
/// </summary>
public sealed class StatutoryExceptions(IDbContextFactory<SendWorkflowDbContext> factory, IDefinitionCatalog catalog, TimeProvider time)
    : IDisposable
{
    // One writer at a time, so two officers can't both pass the overlap check with overlapping dates.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <param name="audit">
    /// The audit entry of the change, committed with it (its resource id becomes the exception's); none for the
    /// simulation, where nobody acts.
    /// </param>
    public async Task<StatutoryExceptionDto> RecordAsync(Guid instanceId, RecordExceptionRequest body, AuditEntryRecord? audit,
        CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct)
                ?? throw new NotFoundException($"There is no workflow instance {instanceId}.");
            var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, ct);
            var today = UkTime.DateOf(time.GetUtcNow());
            var requested = UkTime.DateOf(new DateTimeOffset(instance.StartedAt, TimeSpan.Zero));
            var problems = new ProblemCollector()
                .Check(definition.Definition.Parameters.Values.Any(p => p.Law is not null), "instanceId",
                    $"Exceptions to the time limits apply to statutory cases; '{definition.Definition.Name}' has no statutory limits.")
                .Require(body.Kind, "kind", 40)
                .Check(body.Kind is null || ExceptionKinds.Described.ContainsKey(body.Kind), "kind",
                    $"'{body.Kind}' is not a kind of exception (use one of {string.Join(", ", ExceptionKinds.Described.Keys)}).")
                .Check(body.StartsOn is not null, "startsOn", "'startsOn' is required (yyyy-MM-dd).")
                .Check(body.EndsOn is not null, "endsOn", "'endsOn' is required (yyyy-MM-dd).")
                .Require(body.RecordedBy, "recordedBy")
                .Check(body.Note is not { Length: > 2000 }, "note", "'note' must be at most 2000 characters.");
            if (body is { StartsOn: { } from, EndsOn: { } to })
            {
                problems
                    .Check(to >= from, "endsOn", $"The exception ends ({UkTime.Format(to)}) before it starts ({UkTime.Format(from)}).")
                    .Check(from <= today, "startsOn",
                        $"The exception cannot start in the future ({UkTime.Format(from)}; today is {UkTime.Format(today)}).")
                    .Check(to >= requested, "endsOn",
                        $"The exception ends before the request was received on {UkTime.Format(requested)}, so it cannot affect this case.")
                    .Check(to.DayNumber - from.DayNumber <= 366, "endsOn", "An exception lasts at most a year; record a new one if it goes on.")
                    .Check(body.Kind is null || !ExceptionKinds.NeedsFourWeeks(body.Kind) || to.DayNumber - from.DayNumber + 1 >= 28, "endsOn",
                        $"This kind of exception applies only when it lasts 4 or more continuous weeks "
                        + $"({ExceptionKinds.Described.GetValueOrDefault(body.Kind ?? "")}); "
                        + $"{UkTime.Format(from)} to {UkTime.Format(to)} is shorter.");
                var overlapping = await db.StatutoryExceptions.AsNoTracking()
                    .Where(x => x.InstanceId == instanceId && x.StartsOn <= to && from <= x.EndsOn).ToListAsync(ct);
                foreach (var x in overlapping)
                {
                    problems.Check(false, "startsOn",
                        $"The dates overlap the exception already recorded from {UkTime.Format(x.StartsOn)} "
                        + $"to {UkTime.Format(x.EndsOn)} ({x.Kind}).");
                }
            }
            problems.ThrowIfAny();

            var now = time.GetUtcNow().UtcDateTime;
            var row = new StatutoryExceptionRecord
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                InstanceId = instanceId,
                BoroughId = instance.BoroughId,
                PupilId = instance.SubjectId,
                Kind = body.Kind!,
                StartsOn = body.StartsOn!.Value,
                EndsOn = body.EndsOn!.Value,
                Note = body.Note,
                RecordedBy = body.RecordedBy!.Trim(),
                RecordedAt = now,
            };
            db.StatutoryExceptions.Add(row);
            db.Journal.Add(new JournalEntry
            {
                InstanceId = instanceId, At = now, Kind = JournalKinds.ExceptionRecorded, State = instance.State,
                Detail = $"Exception to the time limits recorded: {ExceptionKinds.Described[row.Kind]}, "
                    + $"{UkTime.Format(row.StartsOn)} to {UkTime.Format(row.EndsOn)}. The deadlines stay as the law sets them.",
                Data = JsonSerializer.Serialize(new { exceptionId = row.Id, kind = row.Kind, startsOn = row.StartsOn, endsOn = row.EndsOn }),
                Actor = row.RecordedBy,
            });
            if (audit is not null)
            {
                audit.ResourceId = row.Id.ToString();
                db.Audit.Add(audit);
            }
            await db.SaveChangesAsync(ct);
            return ToDto(row);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<StatutoryExceptionDto>> ListAsync(Guid instanceId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Instances.AnyAsync(i => i.Id == instanceId, ct)) throw new NotFoundException($"There is no workflow instance {instanceId}.");
        var rows = await db.StatutoryExceptions.AsNoTracking().Where(x => x.InstanceId == instanceId).OrderBy(x => x.StartsOn).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    private static StatutoryExceptionDto ToDto(StatutoryExceptionRecord r) =>
        new(r.Id, r.InstanceId, r.Kind, ExceptionKinds.Described[r.Kind], r.StartsOn, r.EndsOn, r.Note, r.RecordedBy, r.RecordedAt);
}
