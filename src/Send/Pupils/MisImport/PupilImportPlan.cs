using System.Globalization;

namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>
/// What an MIS file does to the school's pupils: who is added, who changes (detail by detail), who is as the file says,
/// who has left, and who is on the roll here but not in the file. A pupil is found by UPN, or, for a pupil typed in before
/// the school imported (no UPN yet), by the same legal name and date of birth. The preview and the apply both compute it,
/// so what is applied is what the pupils are when it is applied.
/// </summary>
public sealed record PupilImportPlan(
    IReadOnlyList<AddedPupil> Added, IReadOnlyList<ChangedPupil> Changed, int Unchanged, IReadOnlyList<Leaver> Leavers,
    IReadOnlyList<SkippedRow> Skipped, IReadOnlyList<PupilNotInFile> NotInFile, IReadOnlyList<(Pupil Pupil, MisPupil Row)> Matched)
{
    /// <param name="pupils">The school's pupils (tracked, when the plan is to be applied).</param>
    /// <param name="openWorkflows">How many running workflows each pupil has.</param>
    public static PupilImportPlan Of(MisFileContent file, IReadOnlyList<Pupil> pupils, IReadOnlyDictionary<string, int> openWorkflows,
        DateOnly today)
    {
        var byUpn = pupils.Where(p => p.Upn is not null).ToDictionary(p => p.Upn!, StringComparer.Ordinal);
        var typedIn = pupils.Where(p => p.Upn is null).ToLookup(p => (p.Name.ToUpperInvariant(), p.DateOfBirth));
        var (added, changed, leavers, skipped, matched) = (new List<AddedPupil>(), new List<ChangedPupil>(), new List<Leaver>(),
            new List<SkippedRow>(), new List<(Pupil, MisPupil)>());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var row in file.Pupils)
        {
            var pupil = byUpn.GetValueOrDefault(row.Upn)
                ?? typedIn[(row.Name.ToUpperInvariant(), row.DateOfBirth)].FirstOrDefault(p => !seen.Contains(p.Id));
            if (pupil is null)
            {
                if (row.LeftOn <= today)
                {
                    skipped.Add(new SkippedRow(row.Row, row.Upn, row.Name,
                        $"Left on {UkTime.Format(row.LeftOn.Value)}, before the service knew them: not added."));
                }
                else
                {
                    added.Add(new AddedPupil(row.Row, null, row.Upn, row.Name, row.PreferredName, row.DateOfBirth, row.YearGroup,
                        row.ClassName, row.SenStatus, row.PrimaryNeed, row.AdmittedOn));
                }
                continue;
            }
            seen.Add(pupil.Id);
            matched.Add((pupil, row));
            var after = Copy(pupil);
            Update(after, row, file);
            var changes = Diff(pupil, after);
            if (changes.Count > 0) changed.Add(new ChangedPupil(row.Row, pupil.Id, row.Upn, row.Name, changes));
            else unchanged++;
            var open = openWorkflows.GetValueOrDefault(pupil.Id);
            if (row.LeftOn is { } left && left <= today && (pupil.LeftOn != left || open > 0))
                leavers.Add(new Leaver(row.Row, pupil.Id, row.Upn, row.Name, left, open));
        }
        var notInFile = pupils.Where(p => p.LeftOn is null && !seen.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PupilNotInFile(p.Id, p.Upn, p.Name)).ToList();
        return new PupilImportPlan(added, changed, unchanged, leavers, skipped, notInFile, matched);
    }

    /// <summary>
    /// Sets the pupil's details to the row's. The file is the truth for the columns it has, but a blank cell leaves what the
    /// service holds (a class or need the SENCo keeps), except a blank leaving date (the pupil is on roll) and a blank
    /// preferred name (the legal one).
    /// </summary>
    public static void Update(Pupil pupil, MisPupil row, MisFileContent file)
    {
        pupil.Upn = row.Upn;
        pupil.Name = row.Name;
        if (file.Carries(MisColumns.PreferredName) || file.Carries(MisColumns.PreferredForename) || file.Carries(MisColumns.PreferredSurname))
            pupil.PreferredName = row.PreferredName;
        pupil.DateOfBirth = row.DateOfBirth;
        pupil.YearGroup = row.YearGroup;
        pupil.ClassName = row.ClassName ?? pupil.ClassName;
        pupil.SenStatus = row.SenStatus ?? pupil.SenStatus;
        pupil.PrimaryNeed = row.PrimaryNeed ?? pupil.PrimaryNeed;
        pupil.AdmittedOn = row.AdmittedOn ?? pupil.AdmittedOn;
        if (file.Carries(MisColumns.LeftOn)) pupil.LeftOn = row.LeftOn;
        pupil.LookedAfter = row.LookedAfter ?? pupil.LookedAfter;
    }

    /// <summary>A new pupil from a row, with an id of the service's usual kind (a UUID v7).</summary>
    public static Pupil NewPupil(MisPupil row, string schoolId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now).ToString("N"), SchoolId = schoolId, Upn = row.Upn, Name = row.Name, PreferredName = row.PreferredName,
        DateOfBirth = row.DateOfBirth, YearGroup = row.YearGroup, ClassName = row.ClassName, SenStatus = row.SenStatus,
        PrimaryNeed = row.PrimaryNeed, AdmittedOn = row.AdmittedOn, LeftOn = row.LeftOn, LookedAfter = row.LookedAfter ?? false,
        CreatedAt = now.UtcDateTime,
    };

    private static List<FieldChange> Diff(Pupil before, Pupil after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, object? from, object? to)
        {
            if (!Equals(from, to)) changes.Add(new FieldChange(field, Show(from), Show(to)));
        }
        Compare(MisColumns.Upn, before.Upn, after.Upn);
        Compare(MisColumns.LegalName, before.Name, after.Name);
        Compare(MisColumns.PreferredName, before.PreferredName, after.PreferredName);
        Compare(MisColumns.DateOfBirth, before.DateOfBirth, after.DateOfBirth);
        Compare(MisColumns.YearGroup, before.YearGroup, after.YearGroup);
        Compare(MisColumns.ClassName, before.ClassName, after.ClassName);
        Compare(MisColumns.SenStatus, before.SenStatus, after.SenStatus);
        Compare(MisColumns.PrimaryNeed, before.PrimaryNeed, after.PrimaryNeed);
        Compare(MisColumns.AdmittedOn, before.AdmittedOn, after.AdmittedOn);
        Compare(MisColumns.LeftOn, before.LeftOn, after.LeftOn);
        Compare(MisColumns.LookedAfter, before.LookedAfter, after.LookedAfter);
        return changes;
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        DateOnly d => UkTime.Format(d),
        int n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => value.ToString(),
    };

    private static Pupil Copy(Pupil p) => new()
    {
        Id = p.Id, SchoolId = p.SchoolId, Upn = p.Upn, Name = p.Name, PreferredName = p.PreferredName, DateOfBirth = p.DateOfBirth,
        YearGroup = p.YearGroup, ClassName = p.ClassName, SenStatus = p.SenStatus, PrimaryNeed = p.PrimaryNeed, AdmittedOn = p.AdmittedOn,
        LeftOn = p.LeftOn, LookedAfter = p.LookedAfter, CreatedAt = p.CreatedAt,
    };
}
