namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>One instance being worked on in one unit of work, with the definition and calendar it runs by.</summary>
internal sealed record InstanceContext(
    IWorkflowSession Session, WorkflowInstance Instance, CompiledDefinition Definition, SchoolCalendar Calendar, DateTime Now,
    string? Actor)
{
    public DateOnly Today => UkTime.DateOfUtc(Now);

    public JournalScope Journal => new(Session, Instance.Id, Now, Actor);
}
