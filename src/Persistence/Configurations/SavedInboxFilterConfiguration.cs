using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class SavedInboxFilterConfiguration : IEntityTypeConfiguration<SavedInboxFilter>
{
    public void Configure(EntityTypeBuilder<SavedInboxFilter> e)
    {
        e.ToTable("SavedInboxFilters");
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Name).HasMaxLength(60);
        e.Property(x => x.Queue).HasMaxLength(20);
        e.Property(x => x.ClassName).HasMaxLength(100);
        e.Property(x => x.Kind).HasMaxLength(100);
        e.Property(x => x.Search).HasMaxLength(100);
        e.Property(x => x.Sort).HasMaxLength(20);
        // A person's filters go with their account.
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.UserId, x.Name }).IsUnique();
    }
}
