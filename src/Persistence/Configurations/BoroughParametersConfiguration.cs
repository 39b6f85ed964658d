using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class BoroughParametersConfiguration : IEntityTypeConfiguration<BoroughParametersRecord>
{
    public void Configure(EntityTypeBuilder<BoroughParametersRecord> e)
    {
        e.ToTable("BoroughParameters");
        e.HasKey(x => new { x.BoroughId, x.Version });
        e.Property(x => x.BoroughId).HasMaxLength(100);
        e.Property(x => x.ChangedBy).HasMaxLength(200);
        e.Property(x => x.Json).HasMaxLength(100_000);
    }
}
