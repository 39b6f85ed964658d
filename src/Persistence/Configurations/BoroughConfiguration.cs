using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class BoroughConfiguration : IEntityTypeConfiguration<Borough>
{
    public void Configure(EntityTypeBuilder<Borough> e)
    {
        e.ToTable("Boroughs");
        e.Property(x => x.Id).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(200);
    }
}
