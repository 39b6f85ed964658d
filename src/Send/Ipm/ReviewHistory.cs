using System.Text.Json;

namespace SendWorkflow.Send.Ipm;

/// <summary>
/// The reviews that scored targets or measured an intervention's impact, read back from the journal: a review's
/// scores are part of its form, written in the same transaction as the review itself, so they are never lost nor
/// recorded without it.
/// </summary>
public static class ReviewHistory
{
    /// <summary>One scored review: the pupil's workflow instance, the task, when, in which state, and what it recorded.</summary>
    public sealed record Scored(Guid InstanceId, Guid? TaskId, DateOnly On, string State, string? Progress, string? FromTargets,
        string? Reason, IReadOnlyList<(Guid Target, int Score, string? Note)> Scores, IReadOnlyList<(Guid Provision, string Level)> Impacts)
    {
        public double Mean => Scores.Count == 0 ? 0 : Math.Round(Scores.Average(s => s.Score), 2);
    }

    /// <summary>The scored reviews of the given instances, oldest first, optionally within UK dates.</summary>
    public static async Task<List<Scored>> OfAsync(SendWorkflowDbContext db, IQueryable<Guid> instances, DateOnly? from, DateOnly? to,
        CancellationToken ct)
    {
        var q = db.Journal.AsNoTracking().Where(j => instances.Contains(j.InstanceId) && j.Kind == JournalKinds.TaskCompleted
            && j.Data != null && (j.Data.Contains("\"" + TargetScale.ScorePrefix) || j.Data.Contains("\"" + TargetScale.ImpactPrefix)));
        // A day's window in UTC is a little wider than the UK day; the exact UK date is checked after reading.
        if (from is { } f) q = q.Where(j => j.At >= f.ToDateTime(TimeOnly.MinValue).AddDays(-1));
        if (to is { } t) q = q.Where(j => j.At < t.ToDateTime(TimeOnly.MinValue).AddDays(2));
        var rows = await q.OrderBy(j => j.Id).ToListAsync(ct);
        return rows.Select(Read).OfType<Scored>()
            .Where(r => (from is null || r.On >= from) && (to is null || r.On <= to)).ToList();
    }

    /// <summary>The scored reviews of one pupil's workflows.</summary>
    public static Task<List<Scored>> OfPupilAsync(SendWorkflowDbContext db, string pupilId, CancellationToken ct) =>
        OfAsync(db, db.Instances.Where(i => i.SubjectId == pupilId).Select(i => i.Id), null, null, ct);

    private static Scored? Read(JournalEntry j)
    {
        using var doc = JsonDocument.Parse(j.Data!);
        var root = doc.RootElement;
        if (!root.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object) return null;
        var scores = new List<(Guid, int, string?)>();
        var impacts = new List<(Guid, string)>();
        var values = form.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        foreach (var (name, value) in values)
        {
            if (name.StartsWith(TargetScale.ScorePrefix, StringComparison.Ordinal)
                && Guid.TryParse(name[TargetScale.ScorePrefix.Length..], out var target) && TargetScale.TryParse(value, out var score))
            {
                scores.Add((target, score, values.GetValueOrDefault(TargetScale.NotePrefix + target)));
            }
            else if (name.StartsWith(TargetScale.ImpactPrefix, StringComparison.Ordinal)
                && Guid.TryParse(name[TargetScale.ImpactPrefix.Length..], out var provision))
            {
                impacts.Add((provision, value));
            }
        }
        if (scores.Count == 0 && impacts.Count == 0) return null;
        Guid? taskId = root.TryGetProperty("taskId", out var t) && t.TryGetGuid(out var g) ? g : null;
        var outcome = root.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        return new Scored(j.InstanceId, taskId, UkTime.DateOf(new DateTimeOffset(j.At, TimeSpan.Zero)), j.State, outcome,
            values.GetValueOrDefault(TargetScale.FromTargets), values.GetValueOrDefault(TargetScale.Reason), scores, impacts);
    }
}
