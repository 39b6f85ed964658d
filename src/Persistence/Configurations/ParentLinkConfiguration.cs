using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class ParentLinkConfiguration : IEntityTypeConfiguration<ParentLinkRecord>
{
    public void Configure(EntityTypeBuilder<ParentLinkRecord> e)
    {
        e.ToTable("ParentLinks");
        e.Property(x => x.PupilId).HasMaxLength(100);
        e.Property(x => x.SchoolId).HasMaxLength(100);
        e.Property(x => x.Form).HasMaxLength(50);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.CreatedById).HasMaxLength(450);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.RevokedBy).HasMaxLength(200);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.PupilId, x.CreatedAt });
    }
}
