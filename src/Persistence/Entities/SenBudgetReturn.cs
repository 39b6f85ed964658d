namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// What a school sends the borough about its SEN funding in a financial year (seed 001): its budget plan, and at the
/// year's end its outturn, each as lines under the headings staff, interventions, resources, training and other. Money is
/// in pence. One of each kind per school and year; sending it again replaces it.
/// </summary>
public sealed class SenBudgetReturn
{
    public const string Plan = "plan";
    public const string Outturn = "outturn";

    public Guid Id { get; set; }
    public string BoroughId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    /// <summary>"2026-27".</summary>
    public string FinancialYear { get; set; } = "";
    /// <summary><see cref="Plan"/> or <see cref="Outturn"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The lines as JSON: <c>[{"heading":"staff","description":"TA time","amountPence":1234567}]</c>.</summary>
    public string Lines { get; set; } = "[]";
    public long TotalPence { get; set; }
    public string? Note { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
}
