using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> e)
    {
        e.ToTable("Tasks");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.InstanceId, x.Status });
        // The inbox of a school: its queues are counted from this index alone and its pages walk it in due order, so that
        // a school with 5,000 open tasks reads no table row but the page's (TaskQueues); "done" reads the second.
        e.HasIndex(x => new { x.SchoolId, x.Status, x.DueOn, x.Priority, x.Assignee, x.Role, x.EscalatedAt, x.Id })
            .HasDatabaseName("IX_Tasks_Inbox");
        e.HasIndex(x => new { x.SchoolId, x.Status, x.CompletedAt, x.Assignee, x.Role });
        e.HasIndex(x => new { x.SubjectId, x.Status });
        e.HasIndex(x => new { x.Status, x.DueOn });
        e.HasIndex(x => new { x.Status, x.WarnOn });
        e.Property(x => x.EscalateTo).HasMaxLength(100);
        e.Property(x => x.Form).HasMaxLength(50);
        e.Property(x => x.Assignee).HasMaxLength(450);
        // "Assigned to me" and "done" are read by assignee; the priority is a number so a queue sorts by it in SQL.
        e.HasIndex(x => new { x.Assignee, x.Status, x.DueOn });
    }
}
