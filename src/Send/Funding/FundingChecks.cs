namespace SendWorkflow.Send.Funding;

/// <summary>What an allocation, a plan or an outturn must be; every problem of a request is listed together.</summary>
internal static class FundingChecks
{
    public const int MaxLines = 200;

    public static void Year(ProblemCollector problems, string? text, out FinancialYear year) =>
        problems.Check(FinancialYear.TryParse(text, out year), "year",
            $"'{text}' is not a financial year: write it as 2026-27 (1 April 2026 to 31 March 2027).");

    public static void Allocation(ProblemCollector problems, SaveAllocationRequest body)
    {
        Money.Check(problems, body.NotionalSenBudget, "notionalSenBudget");
        var lines = body.TopUp ?? [];
        problems.Check(lines.Count <= MaxLines, "topUp", $"At most {MaxLines} top-up lines.");
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"topUp[{i}]";
            if (lines[i] is not { } line)
            {
                problems.Check(false, field, $"'{field}' is empty: give plans and a rate.");
                continue;
            }
            problems.Check(line.Description is not { Length: > 200 }, $"{field}.description",
                    $"'{field}.description' must be at most 200 characters.")
                .Check(line.Plans is >= 0 and <= 10_000, $"{field}.plans",
                    line.Plans is null ? $"'{field}.plans' is required: the number of EHC plans." : $"'{field}.plans' must be 0 to 10,000.");
            Money.Check(problems, line.Rate, $"{field}.rate");
        }
        Note(problems, body.Note);
    }

    public static void Lines(ProblemCollector problems, SaveBudgetReturnRequest body)
    {
        var lines = body.Lines ?? [];
        problems.Check(lines.Count > 0, "lines", "'lines' is required: at least one line (heading, description, amount).")
            .Check(lines.Count <= MaxLines, "lines", $"At most {MaxLines} lines.");
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            if (lines[i] is not { } line)
            {
                problems.Check(false, field, $"'{field}' is empty: give a heading, a description and an amount.");
                continue;
            }
            problems.Check(line.Heading is not null && FundingLines.Headings.Contains(line.Heading), $"{field}.heading",
                line.Heading is null
                    ? $"'{field}.heading' is required: one of {string.Join(", ", FundingLines.Headings)}."
                    : $"'{line.Heading}' is not a heading: use one of {string.Join(", ", FundingLines.Headings)}.");
            problems.Name(line.Description, $"{field}.description");
            Money.Check(problems, line.Amount, $"{field}.amount");
        }
        Note(problems, body.Note);
    }

    private static void Note(ProblemCollector problems, string? note) =>
        problems.Check(note is not { Length: > 2000 }, "note", "'note' must be at most 2000 characters.");
}
