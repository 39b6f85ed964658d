using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> e)
    {
        e.ToTable("DataProtectionKeys");
        e.Property(x => x.FriendlyName).HasMaxLength(200);
        e.Property(x => x.Xml).HasMaxLength(100_000);
    }
}
