using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("Journal");
        e.HasIndex(x => new { x.InstanceId, x.Id });
        e.Property(x => x.Data).HasMaxLength(100_000);
    }
}
