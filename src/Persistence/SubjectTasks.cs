namespace SendWorkflow.Persistence;

/// <summary>
/// The tasks of a pupil (or of a school's programme), found through the subject's instances. A task carries its instance's
/// subject, which never changes, but the tasks table keeps no index of subjects: each index of that table is written for
/// every task made and closed, and a pupil's few instances lead to their tasks by the index of instances (a pupil has
/// two or three instances and tens of tasks). <c>QueryPlanTests</c> checks that SQLite takes that road.
/// </summary>
public static class SubjectTasks
{
    /// <summary>The tasks of one subject.</summary>
    public static IQueryable<WorkTask> OfSubject(this IQueryable<WorkTask> tasks, SendWorkflowDbContext db, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var instances = db.Instances.Where(i => i.SubjectId == subjectId).Select(i => i.Id);
        return tasks.Where(t => instances.Contains(t.InstanceId));
    }

    /// <summary>The tasks of the subjects a query names (the pupils of a class).</summary>
    public static IQueryable<WorkTask> OfSubjects(this IQueryable<WorkTask> tasks, SendWorkflowDbContext db, IQueryable<string> subjectIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        var instances = db.Instances.Where(i => subjectIds.Contains(i.SubjectId)).Select(i => i.Id);
        return tasks.Where(t => instances.Contains(t.InstanceId));
    }
}
