using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class PlayScenarioConfiguration : IEntityTypeConfiguration<PlayScenarioRecord>
{
    public void Configure(EntityTypeBuilder<PlayScenarioRecord> e)
    {
        e.ToTable("PlayScenarios");
        e.Property(x => x.DefinitionId).HasMaxLength(100);
        e.Property(x => x.Scope).HasMaxLength(120);
        e.Property(x => x.Name).HasMaxLength(80);
        e.Property(x => x.StartJson).HasMaxLength(4000);
        e.Property(x => x.StepsJson).HasMaxLength(1_000_000);
        e.Property(x => x.OutcomesJson).HasMaxLength(1_000_000);
        e.Property(x => x.CreatedBy).HasMaxLength(450);
        e.HasIndex(x => new { x.DefinitionId, x.Scope, x.Name }).IsUnique();
    }
}
