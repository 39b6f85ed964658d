namespace SendWorkflow.Workflows.Runtime.Factories;

/// <summary>New tasks: from their definition, the next occurrence of a repeating one, and the escalation of an overdue one.</summary>
internal static class WorkTaskFactory
{
    public static WorkTask Create(InstanceContext ctx, string state, TaskDefinition template, DateOnly due)
    {
        var task = New(ctx.Instance, state, ctx.Now, due);
        task.DefinitionTaskId = template.Id;
        task.Title = template.Title;
        task.Role = template.Role;
        task.Kind = template.Kind;
        task.Form = template.Form;
        task.Raises = template.Raises;
        task.RepeatsAt = template.Repeat ? template.Due?.Next : null;
        task.WarnOn = template.Warn is { } warn ? SchoolTime.Before(warn, due, ctx.Calendar, ctx.Definition) : null;
        // Start by the day the role is reminded, until someone who assigns it says otherwise.
        task.StartBy = task.WarnOn;
        task.EscalateTo = template.EscalateTo ?? ctx.Definition.Definition.EscalateTo ?? "";
        return task;
    }

    /// <summary>The next occurrence: from the definition, or as the previous one was when the definition no longer has it.</summary>
    public static WorkTask Next(InstanceContext ctx, WorkTask previous, TaskDefinition? template, DateOnly due)
    {
        if (template is not null) return Create(ctx, previous.State, template, due);
        var task = New(ctx.Instance, previous.State, ctx.Now, due);
        task.DefinitionTaskId = previous.DefinitionTaskId;
        task.Title = previous.Title;
        task.Role = previous.Role;
        task.Kind = previous.Kind;
        task.Form = previous.Form;
        task.Raises = previous.Raises;
        task.RepeatsAt = previous.RepeatsAt;
        task.EscalateTo = previous.EscalateTo;
        return task;
    }

    /// <summary>A task for the escalation role about an overdue task; escalated from the start, so never escalated again.</summary>
    public static WorkTask Escalation(WorkflowInstance instance, WorkTask overdue, DateOnly due, DateTime now)
    {
        var task = New(instance, overdue.State, now, due);
        task.DefinitionTaskId = $"escalation:{overdue.DefinitionTaskId}";
        task.Title = $"Overdue since {UkTime.Format(overdue.DueOn)}: {overdue.Title} ({overdue.Role})";
        task.Role = overdue.EscalateTo;
        task.Kind = WorkTask.EscalationKind;
        task.EscalateTo = overdue.EscalateTo;
        task.EscalationOf = overdue.Id;
        task.EscalatedAt = now;
        task.Priority = TaskPriority.High;
        return task;
    }

    private static WorkTask New(WorkflowInstance instance, string state, DateTime now, DateOnly due) => new()
    {
        Id = OrderedIds.Shared.Next(now),
        InstanceId = instance.Id,
        SubjectId = instance.SubjectId,
        SchoolId = instance.SchoolId,
        State = state,
        DueOn = due,
        Status = WorkTaskStatus.Open,
        CreatedAt = now,
    };
}
