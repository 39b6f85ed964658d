using System.Reflection;
using System.Runtime.CompilerServices;

namespace SendWorkflow.Workflows.Tests;

/// <summary>The engine stays in small pieces: no file over 250 lines, no method taking more than 6 parameters.</summary>
public sealed class EngineSizeTests
{
    [Fact]
    public void NoFileOfTheEngine_IsOver250Lines()
    {
        var folder = Path.Combine(Repo.Root, "src", "Workflows");
        var large = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(Repo.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 250)
            .Select(f => $"{f.File} has {f.Lines} lines")
            .ToList();
        Assert.True(large.Count == 0, string.Join(Environment.NewLine, large));
    }

    [Fact]
    public void NoMethodOfTheEngine_TakesMoreThanSixParameters()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static
            | BindingFlags.DeclaredOnly;
        var wide = typeof(WorkflowEngine).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .SelectMany(t => t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all)).Select(m => (Type: t, Method: m)))
            .Where(m => m.Method.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !m.Method.Name.Contains('<', StringComparison.Ordinal))
            .Where(m => m.Method.GetParameters().Length > 6)
            .Select(m => $"{m.Type.Name}.{m.Method.Name} takes {m.Method.GetParameters().Length}")
            .ToList();
        Assert.True(wide.Count == 0, string.Join(Environment.NewLine, wide));
    }
}
