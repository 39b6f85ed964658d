using System.Linq.Expressions;

namespace SendWorkflow.Rules.Tests;

public class SafetyTests
{
    [Theory]
    [InlineData("facts.GetType().Assembly.FullName != \"\"", "GetType")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "Type")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "System")]
    [InlineData("Environment.GetEnvironmentVariable(\"PATH\") != null", "Environment")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null", "System")]
    [InlineData("new System.Net.WebClient() != null", "WebClient")]
    [InlineData("AppDomain.CurrentDomain != null", "AppDomain")]
    [InlineData("\"\".GetType().Name == \"String\"", "GetType")]
    [InlineData("Activator.CreateInstance(\"System\", \"System.Object\") != null", "Activator")]
    [InlineData("data.GetType() != null", "GetType")]
    [InlineData("params.GetType() != null", "GetType")]
    [InlineData("data.Values.Count > 0", "Values")]
    [InlineData("DateTime.Now > DateTime.MinValue", "DateTime")]
    [InlineData("Convert.ToInt32(\"1\") == 1", "Convert")]
    [InlineData("new (facts.Stage as x) != null", "new")]
    [InlineData("Enumerable.Range(0, 1000000000).Count() > 0", "Enumerable")]
    [InlineData("facts.Equals(data)", "Equals")]
    public void Compile_UnsafeExpression_Refused(string expression, string named)
    {
        var error = Compile.Refused(expression);

        Assert.Equal("rule", error.RuleName);
        Assert.Contains(named, error.Message);
    }

    [Theory]
    [InlineData("facts.GetType().Assembly.FullName != \"\"")]
    [InlineData("\"\".GetType().Name == \"String\"")]
    public void Check_UnsafeExpression_RefusedByChecker(string expression) =>
        Assert.NotEmpty(RuleChecker.Check("rule", expression, []));

    // The visitor must hold even if a future parser lets more through, so it is tested on trees the parser
    // refuses today.
    [Fact]
    public void FindViolation_StaticCallOutsideAllowList_Refused()
    {
        var exists = Expression.Call(typeof(File).GetMethod(nameof(File.Exists), [typeof(string)])!, Expression.Constant("/etc/passwd"));

        Assert.Contains("File.Exists", RuleSafety.FindViolation(exists, typeof(object), typeof(object)));
    }

    [Fact]
    public void FindViolation_EnvironmentRead_Refused()
    {
        var read = Expression.NotEqual(
            Expression.Call(typeof(Environment).GetMethod(nameof(Environment.GetEnvironmentVariable), [typeof(string)])!,
                Expression.Constant("PATH")),
            Expression.Constant(null, typeof(string)));

        Assert.Contains("Environment.GetEnvironmentVariable", RuleSafety.FindViolation(read, typeof(object), typeof(object)));
    }

    [Fact]
    public void FindViolation_Constructor_Refused()
    {
        var created = Expression.NotEqual(Expression.New(typeof(object)), Expression.Constant(null));

        Assert.Contains("new Object", RuleSafety.FindViolation(created, typeof(object), typeof(object)));
    }

    [Fact]
    public void FindViolation_ConstantOfForeignType_Refused() =>
        Assert.Contains("RuntimeType", RuleSafety.FindViolation(Expression.Constant(typeof(File), typeof(object)), typeof(object), typeof(object)));

    [Fact]
    public void FindViolation_AllowedRule_Passes()
    {
        var facts = Expression.Parameter(typeof(Facts), "facts");
        var rule = Expression.GreaterThan(
            Expression.Call(typeof(Math).GetMethod(nameof(Math.Abs), [typeof(int)])!, Expression.Property(facts, nameof(Facts.Stage))),
            Expression.Constant(1));

        Assert.Null(RuleSafety.FindViolation(rule, typeof(object), typeof(object)));
    }
}
