using SendWorkflow.Send.ParentMeetings;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.Reports;

/// <summary>What a termly report counts over: the school, its year and term, and the day its figures run to (the term's
/// last day, or today while the term runs).</summary>
internal sealed record ReportWindow(string SchoolId, AcademicYear Year, SchoolTerm Term, DateOnly AsOf, DateOnly Today);
