using SendWorkflow.Send.Funding;

namespace SendWorkflow.Send.Demo;

/// <summary>
/// The demo borough's SEN funding for this financial year, so a newcomer sees the borough's report filled in: an allocation
/// for each of its schools, the demo school's budget plan, and costs on a few of its pupils' provision maps (staff time
/// and a fixed-cost programme) from which its outturn draft fills.
/// </summary>
internal static class DemoFunding
{
    public static async Task SeedAsync(SendWorkflowDbContext db, string boroughId, string schoolId, IReadOnlyList<string> pupils, DateOnly today,
        CancellationToken ct)
    {
        var year = FinancialYear.Of(today);
        var key = year.ToString();
        var now = UkTime.StartOf(year.First > today ? today : year.First).AddHours(9).UtcDateTime;
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId).OrderBy(s => s.Id).ToListAsync(ct);
        for (var i = 0; i < schools.Count; i++)
        {
            List<FundingLines.StoredTopUp> bands = [new("Band 2", 3 - i % 3, 600_000), new("Band 3", 1, 950_000)];
            db.SenAllocations.Add(new SenAllocation
            {
                Id = Guid.CreateVersion7(now), BoroughId = boroughId, SchoolId = schools[i].Id, FinancialYear = key,
                NotionalSenBudgetPence = 8_400_000L - i * 2_300_000L,
                TopUpLines = FundingLines.Write(bands), TopUpPence = bands.Sum(b => b.Plans * b.RatePence), RecordedBy = "demo", RecordedAt = now,
            });
        }
        List<FundingLines.StoredLine> plan =
        [
            new("staff", "Teaching assistants", 6_000_000), new("interventions", "Reading and speech programmes", 3_000_000),
            new("resources", "Assistive technology", 1_200_050), new("training", "TA training", 400_000),
            new("other", "Transport to provision", 150_000),
        ];
        db.SenBudgetReturns.Add(new SenBudgetReturn
        {
            Id = Guid.CreateVersion7(now), BoroughId = boroughId, SchoolId = schoolId, FinancialYear = key, Kind = SenBudgetReturn.Plan,
            Lines = FundingLines.Write(plan), TotalPence = plan.Sum(p => p.AmountPence), SubmittedBy = "demo", SubmittedAt = now,
        });
        var starts = year.First.AddDays(12) < today ? year.First.AddDays(12) : today;
        foreach (var (pupil, i) in pupils.Take(6).Select((p, i) => (p, i)))
        {
            db.Provisions.Add(new ProvisionRecord
            {
                Id = Guid.CreateVersion7(now), PupilId = pupil, SchoolId = schoolId, StartsOn = starts, DeliveredBy = "Teaching assistant",
                Intervention = i % 2 == 0 ? "Reading group" : "Speech and language programme",
                EntryCriteria = i % 2 == 0 ? "Reading age 18 months below" : "Referred by the speech and language therapist",
                ExitCriteria = i % 2 == 0 ? "Reading age within 6 months" : "Targets of the therapist's programme met",
                CostBasis = i % 2 == 0 ? ProvisionCosts.Hourly : ProvisionCosts.Fixed,
                HoursPerWeek = i % 2 == 0 ? 1.5m : null, HourlyRatePence = i % 2 == 0 ? 1255 : null, FixedCostPence = i % 2 == 0 ? null : 45_000,
                CreatedBy = "demo", CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
