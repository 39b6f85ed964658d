using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SendWorkflow.Persistence.Migrations
{
    /// <summary>
    /// Every GUID becomes its 16 bytes (GuidBytes), in the order its text is written. The columns keep the type they were
    /// declared with (TEXT): SQLite keeps a blob as it is in a column of any declared type (a TEXT column's affinity turns
    /// numbers into text, never blobs) and compares blobs with blobs, so the tables are not rebuilt (41 columns of 28
    /// tables, which EF Core would rebuild one by one outside a transaction). The model says BLOB.
    /// </summary>
    public partial class GuidsAsBytes : Migration
    {
        // Every GUID column of the SQLite model.
        private static readonly (string Table, string Column)[] Columns =
        [
            ("Timers", "InstanceId"),
            ("Timers", "Id"),
            ("Tasks", "InstanceId"),
            ("Tasks", "EscalationOf"),
            ("Tasks", "Id"),
            ("StatutoryExceptions", "InstanceId"),
            ("StatutoryExceptions", "Id"),
            ("SentReminders", "Id"),
            ("SenInformationTexts", "Id"),
            ("SenBudgetReturns", "Id"),
            ("SenAuditSamples", "AuditId"),
            ("SenAudits", "InstanceId"),
            ("SenAudits", "Id"),
            ("SenAllocations", "Id"),
            ("SelfReviewWorkPlan", "SelfReviewId"),
            ("SelfReviewWorkPlan", "Id"),
            ("SelfReviews", "Id"),
            ("SelfReviewLevels", "SelfReviewId"),
            ("SelfReviewLevels", "Id"),
            ("SelfReviewDimensions", "SelfReviewId"),
            ("SelfReviewDimensions", "Id"),
            ("SavedInboxFilters", "Id"),
            ("PupilMigrations", "Id"),
            ("PupilMigrationItems", "InstanceId"),
            ("PupilMigrationItems", "MigrationId"),
            ("PupilImports", "Id"),
            ("Provisions", "Id"),
            ("Programmes", "InstanceId"),
            ("Programmes", "Id"),
            ("PlayScenarios", "Id"),
            ("ParentLinks", "TaskId"),
            ("ParentLinks", "Id"),
            ("Milestones", "InstanceId"),
            ("MediationCertificates", "InstanceId"),
            ("MediationCertificates", "Id"),
            ("Journal", "InstanceId"),
            ("IpmTargets", "Id"),
            ("Instances", "ParentInstanceId"),
            ("Instances", "Id"),
            ("CpdAudit", "Id"),
            ("ActionPlan", "Id")
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Columns)
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = unhex(replace(\"{column}\", '-', '')) "
                    + $"WHERE typeof(\"{column}\") = 'text';");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Columns)
            {
                var hex = $"hex(\"{column}\")";
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = substr({hex}, 1, 8) || '-' || substr({hex}, 9, 4) || '-' "
                    + $"|| substr({hex}, 13, 4) || '-' || substr({hex}, 17, 4) || '-' || substr({hex}, 21) "
                    + $"WHERE typeof(\"{column}\") = 'blob';");
            }
        }
    }
}
