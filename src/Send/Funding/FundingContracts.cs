namespace SendWorkflow.Send.Funding;

/// <summary>A top-up line of an allocation: a number of EHC plans at a rate (pounds) a plan.</summary>
public sealed record TopUpLineInput(string? Description, int? Plans, decimal? Rate);

/// <summary>A school's initial SEN allocation for the year: the notional SEN budget and top-up lines, in pounds.</summary>
public sealed record SaveAllocationRequest(decimal? NotionalSenBudget, IReadOnlyList<TopUpLineInput?>? TopUp, string? Note);

public sealed record TopUpLine(string Description, int Plans, decimal Rate, decimal Amount);

public sealed record AllocationDto(
    string SchoolId, string FinancialYear, decimal NotionalSenBudget, IReadOnlyList<TopUpLine> TopUp, int Plans, decimal TopUpTotal,
    decimal Total, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A line of a plan or an outturn: a heading (staff, interventions, resources, training, other), what, how much.</summary>
public sealed record BudgetLineInput(string? Heading, string? Description, decimal? Amount);

public sealed record SaveBudgetReturnRequest(IReadOnlyList<BudgetLineInput?>? Lines, string? Note);

public sealed record BudgetLine(string Heading, string Description, decimal Amount);

public sealed record HeadingTotal(string Heading, decimal Amount);

/// <summary>A budget plan or an outturn as the school sent it, with its totals by heading.</summary>
public sealed record BudgetReturnDto(
    string SchoolId, string FinancialYear, string Kind, IReadOnlyList<BudgetLine> Lines, IReadOnlyList<HeadingTotal> ByHeading,
    decimal Total, string? Note, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>
/// A school's SEN funding in a financial year: the allocation, the plan and the outturn as far as they exist, and the
/// balance (the allocation less what the outturn says was spent: negative is an overspend).
/// </summary>
public sealed record SchoolFundingDto(
    string SchoolId, string SchoolName, string FinancialYear, DateOnly From, DateOnly To, AllocationDto? Allocation, BudgetReturnDto? Plan,
    BudgetReturnDto? Outturn, decimal? Balance, DateOnly OutturnFrom);

/// <summary>
/// One line of the outturn the provision map fills: the pupils' provisions of one intervention and cost basis, their
/// cost in the year; staff time under "staff", fixed costs under "interventions". No pupil is named.
/// </summary>
public sealed record DraftLine(string Heading, string Description, decimal Amount, string Intervention, string CostBasis, int Pupils,
    decimal SchoolWeeks);

/// <summary>The outturn as the costed provision map fills it, for the school to adjust and send.</summary>
public sealed record OutturnDraftDto(
    string SchoolId, string FinancialYear, DateOnly From, DateOnly To, IReadOnlyList<DraftLine> Lines, decimal Total,
    int ProvisionsCosted, int ProvisionsNotCosted);

/// <summary>One school's row of the borough's report: allocation against plan and spending.</summary>
public sealed record FundingRow(
    string SchoolId, string SchoolName, decimal? NotionalSenBudget, decimal? TopUp, int? Plans, decimal? Allocation, decimal? Planned,
    decimal? Spent, decimal? Balance, string Status);

public sealed record FundingTotals(decimal Allocation, decimal Planned, decimal Spent, decimal Balance, int Schools, int Allocated,
    int PlansSent, int OutturnsSent);

/// <summary>
/// The borough's funding report for a financial year: each school's allocation against its plan and its outturn, with
/// totals (the balance totals only the schools whose outturn has come).
/// </summary>
public sealed record BoroughFundingDto(
    string BoroughId, string BoroughName, string FinancialYear, DateOnly From, DateOnly To, IReadOnlyList<FundingRow> Schools,
    FundingTotals Totals);

public sealed record FundingReportFile(string FileName, byte[] Pdf);
