using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Ipm;

/// <summary>
/// A review of a pupil with an individual provision map scores each open target (-2 to +2, with a note) and measures
/// the impact of each intervention running now. The review's progress, which the pathway's rules read, is the one the
/// scores give, unless the teacher records another and says why.
/// </summary>
public static class ReviewForms
{
    /// <summary>A review's fields with the pupil's open targets and the interventions running today.</summary>
    public static async Task<IReadOnlyList<FormField>> ForAsync(SendWorkflowDbContext db, WorkTask task, IReadOnlyList<FormField> review,
        DateOnly today, CancellationToken ct)
    {
        var targets = await db.Targets.AsNoTracking().Where(t => t.PupilId == task.SubjectId && t.Status == "open")
            .OrderBy(t => t.SetOn).ThenBy(t => t.CreatedAt).ToListAsync(ct);
        var provisions = await db.Provisions.AsNoTracking()
            .Where(p => p.PupilId == task.SubjectId && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today))
            .OrderBy(p => p.StartsOn).ThenBy(p => p.CreatedAt).ToListAsync(ct);
        return With(review, targets, provisions);
    }

    private static List<FormField> With(IReadOnlyList<FormField> review, List<IpmTarget> targets, List<ProvisionRecord> provisions)
    {
        var list = new List<FormField>();
        foreach (var t in targets)
        {
            list.Add(new(TargetScale.ScorePrefix + t.Id, $"Target: {t.Text} (we will know when: {t.SuccessCriteria})", "choice", true,
                TargetScale.Choices));
            list.Add(new(TargetScale.NotePrefix + t.Id, "Note on this target", "text", false, MaxLength: 1000));
        }
        foreach (var f in review)
        {
            if (f.Name != "progress" || targets.Count == 0)
            {
                list.Add(f);
                continue;
            }
            list.Add(f with { Label = "Progress since the last review (leave it empty to take it from the targets' scores)", Required = false });
            list.Add(new(TargetScale.Reason, "Why the progress differs from the targets' scores (if it does)", "text", false, MaxLength: 1000));
        }
        foreach (var p in provisions)
        {
            list.Add(new(TargetScale.ImpactPrefix + p.Id, $"Impact this half term of {p.Intervention} (exit criteria: {p.ExitCriteria})",
                "choice", false, TargetScale.ImpactLevels));
        }
        return list;
    }

    /// <summary>
    /// Checks a review's answer against its fields and settles its progress: scores written as 1 are read as +1; with
    /// scores, the progress is theirs unless another is recorded with a reason. Returns every problem, the outcome the
    /// event carries, and the form the journal keeps (with the progress the scores gave).
    /// </summary>
    public static (List<Problem> Problems, string? Outcome, IReadOnlyDictionary<string, string>? Form) Resolve(IReadOnlyList<FormField> fields,
        IReadOnlyDictionary<string, string>? form, string? outcome)
    {
        if (form is null) return ([], outcome, null);
        var values = form.ToDictionary(f => f.Key, f => f.Key.StartsWith(TargetScale.ScorePrefix, StringComparison.Ordinal)
            && TargetScale.TryParse(f.Value, out var s) ? TargetScale.Show(s) : f.Value);
        var problems = TaskForms.Check(fields, values, outcome);
        var recorded = outcome ?? values.GetValueOrDefault("progress");
        var scores = fields.Where(f => f.Name.StartsWith(TargetScale.ScorePrefix, StringComparison.Ordinal))
            .Select(f => TargetScale.TryParse(values.GetValueOrDefault(f.Name), out var s) ? (int?)s : null).ToList();
        if (scores.Count == 0 || scores.Any(s => s is null)) return (problems, recorded, values);
        var derived = TargetScale.Progress(scores.Select(s => s!.Value).ToList())!;
        values[TargetScale.FromTargets] = derived;
        if (recorded is not null && recorded != derived && string.IsNullOrWhiteSpace(values.GetValueOrDefault(TargetScale.Reason)))
        {
            problems.Add(new Problem($"The targets' scores give '{derived}' progress; say why you recorded '{recorded}'.",
                $"form.{TargetScale.Reason}"));
        }
        return (problems, recorded ?? derived, values);
    }
}
