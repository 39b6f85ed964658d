namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A school's initial allocation for SEN in a financial year, as the borough records it at the year's start (seed 001,
/// "Financial Monitoring"): the notional SEN budget, and top-up funding for its EHC plans as lines of a number of plans at
/// a rate. Money is in pence. One allocation per school and year; recording it again replaces it.
/// </summary>
public sealed class SenAllocation
{
    public Guid Id { get; set; }
    public string BoroughId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    /// <summary>"2026-27": 1 April 2026 to 31 March 2027.</summary>
    public string FinancialYear { get; set; } = "";
    public long NotionalSenBudgetPence { get; set; }
    /// <summary>The top-up lines as JSON: <c>[{"description":"Band 2","plans":3,"ratePence":600000}]</c>.</summary>
    public string TopUpLines { get; set; } = "[]";
    /// <summary>The top-up lines' total: plans times rate, summed.</summary>
    public long TopUpPence { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}
