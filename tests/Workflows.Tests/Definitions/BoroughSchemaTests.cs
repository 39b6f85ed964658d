using NJsonSchema;

namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>definitions/borough.schema.json accepts the shipped borough timelines and refuses bad values.</summary>
public class BoroughSchemaTests
{
    private static string Folder => Path.Combine(Repo.Root, "definitions");

    private static Task<JsonSchema> LoadSchema() =>
        JsonSchema.FromFileAsync(Path.Combine(Folder, "borough.schema.json"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task EveryShippedBoroughFile_Validates()
    {
        var schema = await LoadSchema();
        var files = Directory.GetFiles(Path.Combine(Folder, "boroughs"), "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var errors = schema.Validate(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");
        }
    }

    [Theory]
    [InlineData("""{ "borough": "b", "parameters": { "ehcp-assessment": { "finalPlanWeeks": -1 } } }""")]
    [InlineData("""{ "borough": "b", "parameters": { "ehcp-assessment": { "finalPlanWeeks": "twenty" } } }""")]
    [InlineData("""{ "borough": "b", "parameters": {}, "notes": "misspelt" }""")]
    [InlineData("""{ "parameters": {} }""")]
    public async Task ABadFile_IsRefused(string json) =>
        Assert.NotEmpty((await LoadSchema()).Validate(json));
}
