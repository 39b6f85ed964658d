using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SendWorkflow.Workflows.Runtime;

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
