using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Workflows.Tests.Stores;

/// <summary>Copies of the runtime's entities: a new one, or over one that exists.</summary>
public class EntityCopyTests
{
    private static readonly DateTime Now = new(2026, 9, 7, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void CopiedOver_AnEntityHoldsEveryPropertyOfTheOther_AndStaysItself()
    {
        var held = new WorkTask
        {
            Id = Guid.CreateVersion7(), InstanceId = Guid.CreateVersion7(), SubjectId = "p-1", SchoolId = "s", State = "a",
            DefinitionTaskId = "review", Title = "Review", Role = "class-teacher", Kind = "review", DueOn = new DateOnly(2026, 9, 14),
            Status = WorkTaskStatus.Open, CreatedAt = Now, WarnOn = new DateOnly(2026, 9, 11), EscalateTo = "senco", Revision = 1,
        };
        var written = EntityCopy.Of(held);
        written.Status = WorkTaskStatus.Completed;
        written.CompletedAt = Now.AddDays(3);
        written.CompletedBy = "teacher@school";
        written.Outcome = "expected";
        written.WarnOn = null;
        written.Priority = TaskPriority.High;
        written.Revision = 2;
        var same = held;

        EntityCopy.Into(written, held);

        Assert.Same(same, held);
        Assert.NotSame(written, held);
        Assert.True(EntityCopy.Same(written, held));
        Assert.Null(held.WarnOn);
        Assert.Equal("expected", held.Outcome);
    }

    [Fact]
    public void EveryEntityTheWriterHolds_CanBeCopiedOver()
    {
        var instance = new WorkflowInstance { Id = Guid.CreateVersion7(), State = "a", Stage = 2, ConcurrencyStamp = 3, UpdatedAt = Now };
        var timer = new WorkflowTimer { Id = Guid.CreateVersion7(), TimerId = "t", DueAt = Now, FiredAt = Now, Status = TimerStatus.Fired };
        var (heldInstance, heldTimer) = (new WorkflowInstance(), new WorkflowTimer());

        EntityCopy.Into(instance, heldInstance);
        EntityCopy.Into(timer, heldTimer);

        Assert.True(EntityCopy.Same(instance, heldInstance));
        Assert.True(EntityCopy.Same(timer, heldTimer));
    }

    [Fact]
    public void AnEntityWithAPropertyItCannotSet_IsRefused_NamingIt()
    {
        var e = Assert.Throws<TypeInitializationException>(() => EntityCopy.Into(new Fixed(), new Fixed()));

        Assert.Contains("Fixed.Name", e.InnerException!.Message, StringComparison.Ordinal);
    }

    private sealed class Fixed
    {
        public string Name { get; } = "fixed";
    }
}
