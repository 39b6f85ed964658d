namespace SendWorkflow.Studio.Tests.Infrastructure;

/// <summary>Writes a measured figure both to the test's output and to stdout, so it shows in a plain test run too.</summary>
public static class Report
{
    public static void Figure(ITestOutputHelper output, string text)
    {
        output.WriteLine(text);
        Console.WriteLine($"[studio figure] {text}");
    }
}
