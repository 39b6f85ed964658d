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
        return tasks.OfInstances(db.Instances.Where(i => i.SubjectId == subjectId));
    }

    /// <summary>The tasks of the subjects a query names (the pupils of a class).</summary>
    public static IQueryable<WorkTask> OfSubjects(this IQueryable<WorkTask> tasks, SendWorkflowDbContext db, IQueryable<string> subjectIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return tasks.OfInstances(db.Instances.Where(i => subjectIds.Contains(i.SubjectId)));
    }

    /// <summary>
    /// The tasks of the instances a query names ("IN (their ids)"): the database finds those instances first, then their tasks by
    /// the tasks' index of instances. Every search of tasks by something of their instance or subject goes this way.
    /// </summary>
    public static IQueryable<WorkTask> OfInstances(this IQueryable<WorkTask> tasks, IQueryable<WorkflowInstance> instances)
    {
        var ids = instances.Select(i => i.Id);
        return tasks.Where(t => ids.Contains(t.InstanceId));
    }
}
