using System.Text.RegularExpressions;

namespace SendWorkflow.Workflows.Tests;

/// <summary>The engine is generic: what it knows of SEND lives in the definitions, so no SEND word appears in its code.</summary>
public partial class VocabularyTests
{
    [Fact]
    public void NoSendWord_AppearsInTheWorkflowsSource()
    {
        var source = Path.Combine(Repo.Root, "src", "Workflows");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var found = Find(files.Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllLines(f))));

        Assert.True(found.Count == 0, "SEND words in src/Workflows:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void TheCheck_NamesTheFileAndLineOfEachWord()
    {
        var found = Find([("a.cs", ["// fine", "var p = \"progress\"; // the Pupil's", "Senco"])]);

        Assert.Equal(["a.cs:2: \"progress\"", "a.cs:2: Pupil", "a.cs:3: Senco"], found);
    }

    private static List<string> Find(IEnumerable<(string File, string[] Lines)> files) =>
        files.SelectMany(f => f.Lines.SelectMany((line, i) => Banned().Matches(line).Select(m => $"{f.File}:{i + 1}: {m.Value}")))
            .ToList();

    [GeneratedRegex("pupil|senco|ehcp|assessment|la-officer|governor|teacher|\"review\"|\"progress\"", RegexOptions.IgnoreCase)]
    private static partial Regex Banned();
}
