namespace SendWorkflow.Send.Workspace;

/// <summary>
/// Text a spreadsheet must show rather than run: a cell that starts with = + - @, or with a tab or carriage return before
/// one, is a formula to Excel (OWASP's CSV injection), so it gets a leading apostrophe. The CSV and Excel downloads both
/// pass every text cell through here, so a name or a note typed as "=HYPERLINK(...)" is only ever text.
/// </summary>
public static class FormulaDefusing
{
    public static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
