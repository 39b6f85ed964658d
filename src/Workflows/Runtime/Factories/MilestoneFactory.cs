using System.Globalization;

namespace SendWorkflow.Workflows.Runtime.Factories;

internal static class MilestoneFactory
{
    /// <summary>The milestone an event marks, dated by the event's date field when it has one, else today.</summary>
    public static Milestone Create(WorkflowInstance instance, MilestoneDefinition milestone, WorkflowEvent e, DateOnly today,
        DateTime now) => new()
    {
        InstanceId = instance.Id,
        DefinitionId = instance.DefinitionId,
        BoroughId = instance.BoroughId,
        SubjectId = instance.SubjectId,
        Name = milestone.Id,
        On = milestone.Date is { } field
            && DateOnly.TryParseExact(e.Data.Text(field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
            ? on : today,
        RecordedAt = now,
        Actor = e.Actor,
    };
}
