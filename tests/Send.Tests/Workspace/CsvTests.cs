using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Tests.Workspace;

/// <summary>A cell a spreadsheet would run as a formula is written so that it shows as text.</summary>
public sealed class CsvTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void AFormulaCell_StartsWithAnApostrophe(string value)
    {
        var csv = Csv.Write(["cell"], [[value]]);
        var cell = csv.Split('\n', 2)[1].TrimStart('"');
        Assert.StartsWith("'", cell, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_IsWrittenAsItIs() =>
        Assert.Equal("cell\nReading group\n", Csv.Write(["cell"], [["Reading group"]]).Replace("\r", "", StringComparison.Ordinal));
}
