using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SendWorkflow.Persistence.Configurations;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> e)
    {
        e.ToTable("Instances");
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.LastProgress).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.MeasureHistory).HasMaxLength(1024);
        // The subject is a pupil, or a school (SchoolSubject) for a school's programme: no foreign key can say both.
        e.HasIndex(x => x.SubjectId);
        e.HasIndex(x => new { x.SchoolId, x.State });
        e.HasIndex(x => x.ParentInstanceId);
        // One active instance of a definition per subject, even when two requests race.
        e.HasIndex(x => new { x.SubjectId, x.DefinitionId }).IsUnique().HasFilter("\"Status\" = 'Active'")
            .HasDatabaseName("UX_Instances_ActivePerSubject");
        // The running instances of a definition, across schools: the versions pupils run (the Studio, a migration's request),
        // a borough's annual reviews, the pathway's pupils at a stage. Without it each such look read every instance ever
        // started; an entry moves only when an instance changes stage or version, and leaves when it closes.
        e.HasIndex(x => new { x.DefinitionId, x.Version, x.Stage }).HasFilter("\"Status\" = 'Active'")
            .HasDatabaseName("IX_Instances_ActiveByDefinition");
    }
}
