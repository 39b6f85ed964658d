using SendWorkflow.Send.Funding;

namespace SendWorkflow.Host.Components.Pages.SchoolViews;

/// <summary>A line of a budget plan or an outturn as the page edits it.</summary>
public sealed class BudgetLineEdit
{
    public string Heading { get; set; } = "staff";
    public string Description { get; set; } = "";
    public decimal? Amount { get; set; }

    public static BudgetLineEdit From(BudgetLine line) => new() { Heading = line.Heading, Description = line.Description, Amount = line.Amount };

    public BudgetLineInput ToInput() => new(Heading, Description, Amount);
}
