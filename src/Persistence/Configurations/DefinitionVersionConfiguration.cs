using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class DefinitionVersionConfiguration : IEntityTypeConfiguration<DefinitionVersionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionVersionRecord> e)
    {
        e.ToTable("DefinitionVersions");
        e.HasKey(x => new { x.DefinitionId, x.Version });
        e.Property(x => x.DefinitionId).HasMaxLength(100);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Json).HasMaxLength(4_000_000);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.Property(x => x.Scope).HasMaxLength(120);
        e.HasIndex(x => new { x.DefinitionId, x.Scope, x.Status });
    }
}
