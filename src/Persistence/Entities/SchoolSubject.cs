namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// The subject of a workflow that belongs to a school rather than to a pupil (the school's monitoring programme):
/// "school:" and the school's id, as an instance's SubjectId. Pupil ids never contain a colon.
/// </summary>
public static class SchoolSubject
{
    public const string Prefix = "school:";

    public static string Of(string schoolId) => Prefix + schoolId;

    public static bool Is(string subjectId) => subjectId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The school's id of a school subject.</summary>
    public static string SchoolOf(string subjectId) => subjectId[Prefix.Length..];
}
