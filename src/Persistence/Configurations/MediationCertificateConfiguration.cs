using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class MediationCertificateConfiguration : IEntityTypeConfiguration<MediationCertificate>
{
    public void Configure(EntityTypeBuilder<MediationCertificate> e)
    {
        e.ToTable("MediationCertificates");
        e.Property(x => x.Decision).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.InstanceId, x.Decision });
    }
}
