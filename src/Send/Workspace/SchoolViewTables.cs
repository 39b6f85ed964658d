namespace SendWorkflow.Send.Workspace;

/// <summary>The SEN register, the overdue reviews and the provision map as tables to download, as CSV or as Excel.</summary>
public static class SchoolViewTables
{
    public static SheetTable Register(IEnumerable<SenRegisterRow> rows) => new("SEN register",
        [
            new("pupil_id", "Pupil ID"), new("name", "Name"), new("year", "Year"), new("class", "Class"), new("stage", "Stage"),
            new("stage_name", "Stage name"), new("since", "Since"), new("census_code", "Census code"), new("primary_need", "Primary need"),
        ],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.PupilId, r.Name, r.YearGroup, r.ClassName, r.Stage, r.StageName, r.Since, r.CensusCode,
            r.PrimaryNeed])]);

    public static SheetTable OverdueReviews(IEnumerable<OverdueReviewRow> rows) => new("Overdue reviews",
        [
            new("pupil_id", "Pupil ID"), new("name", "Name"), new("class", "Class"), new("review", "Review"), new("role", "Role"),
            new("due", "Due"), new("days_overdue", "Days overdue"),
        ],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.PupilId, r.Name, r.ClassName, r.Title, r.Role, r.DueOn, r.DaysOverdue])]);

    public static SheetTable ProvisionMap(IEnumerable<ProvisionMapRow> rows) => new("Provision map",
        [
            new("pupil_id", "Pupil ID"), new("name", "Name"), new("class", "Class"), new("intervention", "Intervention"),
            new("entry_criteria", "Entry criteria"), new("exit_criteria", "Exit criteria"), new("starts", "Starts"), new("ends", "Ends"),
            new("delivered_by", "Delivered by"), new("impact", "Impact"),
        ],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.Provision.PupilId, r.Name, r.ClassName, r.Provision.Intervention,
            r.Provision.EntryCriteria, r.Provision.ExitCriteria, r.Provision.StartsOn, r.Provision.EndsOn, r.Provision.DeliveredBy,
            r.Provision.Impact])]);
}
