using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class TimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> e)
    {
        e.ToTable("Timers");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        // The dispatcher's batches read the due timers in (due, id) order: with the id in the index, a batch of 256 walks
        // 256 entries and stops, where it used to sort every due timer to take the first (a backlog of 100,000 re-sorted
        // for each batch). Pending timers only: a timer fired or cancelled leaves the index rather than moving in it.
        e.HasIndex(x => new { x.DueAt, x.Id }).HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_Timers_PendingByDue");
        // An instance's timers by instance alone, as its tasks (TaskConfiguration): a timer fired or cancelled keeps its entry.
        e.HasIndex(x => x.InstanceId);
    }
}
