using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> e)
    {
        e.ToTable("SentReminders");
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Key).HasMaxLength(100);
        // A person's record of what they were sent goes with their account.
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // Once per person and day (a digest) or per person and escalation, whatever restarts in between.
        e.HasIndex(x => new { x.UserId, x.Kind, x.Key }).IsUnique();
    }
}
