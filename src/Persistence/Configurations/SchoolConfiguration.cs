using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> e)
    {
        e.ToTable("Schools");
        e.Property(x => x.Id).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Phase).HasMaxLength(20);
        e.HasOne<Borough>().WithMany().HasForeignKey(x => x.BoroughId).OnDelete(DeleteBehavior.Restrict);
    }
}
