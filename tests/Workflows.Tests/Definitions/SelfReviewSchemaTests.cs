using NJsonSchema;

namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>definitions/self-review.schema.json accepts the shipped self-review and refuses a level off the scale or a stray field.</summary>
public class SelfReviewSchemaTests
{
    private static string Folder => Path.Combine(Repo.Root, "definitions");

    private static Task<JsonSchema> LoadSchema() =>
        JsonSchema.FromFileAsync(Path.Combine(Folder, "self-review.schema.json"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task TheShippedSelfReview_Validates()
    {
        var errors = (await LoadSchema()).Validate(
            await File.ReadAllTextAsync(Path.Combine(Folder, "self-review.json"), TestContext.Current.CancellationToken));

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")));
    }

    private const string Scale =
        """[ { "level": 1, "name": "a" }, { "level": 2, "name": "b" }, { "level": 3, "name": "c" }, { "level": 4, "name": "d" } ]""";

    private const string Dimension =
        """{ "id": "d", "number": 1, "title": "D", "question": "Q?", "descriptors": [ { "id": "d-1", "short": "S", "text": "T" } ] }""";

    [Fact]
    public async Task AMinimalSelfReview_Validates() =>
        Assert.Empty((await LoadSchema()).Validate($$"""{ "id": "r", "title": "R", "scale": {{Scale}}, "dimensions": [ {{Dimension}} ] }"""));

    [Theory]
    [InlineData("""{ "id": "r", "title": "R", "scale": [ { "level": 5, "name": "e" } ], "dimensions": [] }""")]
    [InlineData("""{ "id": "r", "title": "R", "scale": [], "dimensions": [], "levels": 4 }""")]
    [InlineData("""{ "id": "R R", "title": "R" }""")]
    public async Task ABadFile_IsRefused(string json) =>
        Assert.NotEmpty((await LoadSchema()).Validate(json));
}
