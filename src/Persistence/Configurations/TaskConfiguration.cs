using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

// Every index a task is in costs each write of it: a new task is an entry in each, and a change of a column an index holds
// (a stage's tasks closed by a move change their status) moves the task's entry in that index. So the indexes that serve
// one status or the assigned tasks hold only those (partial indexes: a query names the status as a constant, as QueueRows
// and TimerQueries do, for the database to use them). There is no index of subjects: a pupil's tasks are found through the
// pupil's two or three instances and the index of instances below (SubjectTasks). An entry for every task made cost about
// a third of a task's insert in a simulated year's database (docs/benchmark-log.md, 2 December 2026).
internal sealed class TaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> e)
    {
        e.ToTable("Tasks");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        // An instance's tasks (the engine's read of its open tasks, a pupil's tasks through their instances): by instance
        // alone, not by instance and status, so that closing a task leaves its entry where it is. With the status in the key,
        // every closing moved the entry (a tenth of the pages written to the log in a simulated year); reading an
        // instance's open tasks now also reads its closed ones' rows, a few dozen at most, and the state held in memory
        // (InstanceStateCache) spares most of those reads (docs/benchmark-log.md, 3 December 2026).
        e.HasIndex(x => x.InstanceId);
        // The inbox of a school: its queues are counted from this index alone and its pages walk it in due order, so that
        // a school with 5,000 open tasks reads no table row but the page's (TaskQueues); every task, so that any query of
        // a school's tasks has an index.
        e.HasIndex(x => new { x.SchoolId, x.Status, x.DueOn, x.Priority, x.Assignee, x.Role, x.EscalatedAt, x.Id })
            .HasDatabaseName("IX_Tasks_Inbox");
        // "Done": the completed tasks of a school.
        e.HasIndex(x => new { x.SchoolId, x.Status, x.CompletedAt, x.Assignee, x.Role }).HasFilter("\"Status\" = 'Completed'")
            .HasDatabaseName("IX_Tasks_Done");
        // The deadline round's overdue tasks and the simulation's day of work: open tasks by due date.
        e.HasIndex(x => x.DueOn).HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_Tasks_OpenByDue");
        // The deadline round's warnings: open tasks not yet warned, by the day to warn. Only tasks that warn at all: most of a
        // pupil's tasks never do (37 of the pathway's 40), and each was an entry written when it was made and removed when closed.
        e.HasIndex(x => x.WarnOn).HasFilter("\"Status\" = 'Open' AND \"WarnedAt\" IS NULL AND \"WarnOn\" IS NOT NULL")
            .HasDatabaseName("IX_Tasks_ToWarn");
        // Open escalation tasks by the task each chases, so that those whose late task is done are found without walking every
        // open task (a few hundred rows among tens of thousands; the simulation closes them each school day).
        e.HasIndex(x => x.EscalationOf).HasFilter($"\"Status\" = 'Open' AND \"Kind\" = '{WorkTask.EscalationKind}'")
            .HasDatabaseName("IX_Tasks_OpenEscalations");
        e.Property(x => x.EscalateTo).HasMaxLength(100);
        e.Property(x => x.Form).HasMaxLength(50);
        e.Property(x => x.Assignee).HasMaxLength(450);
        // "Assigned to me" and "done" are read by assignee; the priority is a number so a queue sorts by it in SQL.
        e.HasIndex(x => new { x.Assignee, x.Status, x.DueOn }).HasFilter("\"Assignee\" IS NOT NULL");
    }
}
