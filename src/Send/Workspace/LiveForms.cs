using SendWorkflow.Send.Ipm;
using SendWorkflow.Send.LineManagement;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// A task's form as it is today: most forms are fixed (<see cref="TaskForms"/>), but a pupil's review asks for a score
/// for each of their open targets and the impact of each running intervention (<see cref="ReviewForms"/>), and the
/// SENCo's line-management meeting asks after each of the school's teaching assistants (<see cref="LineManagementForm"/>).
/// </summary>
public static class LiveForms
{
    public static async Task<IReadOnlyList<FormField>> ForAsync(SendWorkflowDbContext db, WorkTask task, DateOnly today, CancellationToken ct)
    {
        var fields = TaskForms.For(task);
        if (TaskForms.FormOf(task) == TaskForms.LineManagement)
            return LineManagementForm.Fields(await LineManagementForm.AssistantsAsync(db, task.SchoolId, UkTime.StartOf(today), ct));
        if (!TaskForms.RecordsProgress(task) || SchoolSubject.Is(task.SubjectId)) return fields;
        return await ReviewForms.ForAsync(db, task, fields, today, ct);
    }
}
