using System.Text.Json;
using System.Text.RegularExpressions;

namespace SendWorkflow.Send.SelfReviews;

/// <summary>Reads definitions/self-review.json and checks what its schema says, the scale 1 to 4, and that every id is unique.</summary>
public static partial class SelfReviewFile
{
    public const string FileName = "self-review.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The self-review in the definitions folder, or null when the folder has none (a test's own folder, say).</summary>
    public static SelfReviewDefinition? LoadFrom(string definitionsFolder)
    {
        var file = Path.Combine(definitionsFolder, FileName);
        return File.Exists(file) ? Parse(File.ReadAllText(file), file) : null;
    }

    public static SelfReviewDefinition Parse(string json, string file = FileName)
    {
        SelfReviewDefinition? review;
        try
        {
            review = JsonSerializer.Deserialize<SelfReviewDefinition>(json, Json);
        }
        catch (JsonException e)
        {
            throw new SelfReviewDefinitionException(file, [e.Message]);
        }
        if (review is null) throw new SelfReviewDefinitionException(file, ["The file is empty."]);
        var problems = Check(review);
        return problems.Count == 0 ? review : throw new SelfReviewDefinitionException(file, problems);
    }

    private static List<string> Check(SelfReviewDefinition review)
    {
        var problems = new List<string>();
        if (!IdPattern().IsMatch(review.Id)) problems.Add($"'{review.Id}' is not an id (lower-case letters, digits and dashes).");
        var levels = review.Scale.Select(l => l.Level).ToList();
        if (!levels.SequenceEqual(Enumerable.Range(SelfReviewDefinition.Lowest, SelfReviewDefinition.Highest)))
            problems.Add("The scale must be the levels 1, 2, 3 and 4, lowest first.");
        if (review.Dimensions.Count == 0) problems.Add("There are no dimensions.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dimension in review.Dimensions)
        {
            if (!IdPattern().IsMatch(dimension.Id)) problems.Add($"Dimension '{dimension.Id}': its id is not lower-case letters, digits and dashes.");
            if (!ids.Add(dimension.Id)) problems.Add($"Dimension '{dimension.Id}' is there twice.");
            if (string.IsNullOrWhiteSpace(dimension.Title)) problems.Add($"Dimension '{dimension.Id}' has no title.");
            if (dimension.Descriptors.Count == 0) problems.Add($"Dimension '{dimension.Id}' has no descriptors.");
            foreach (var d in dimension.Descriptors)
            {
                if (!IdPattern().IsMatch(d.Id)) problems.Add($"Descriptor '{d.Id}': its id is not lower-case letters, digits and dashes.");
                if (!ids.Add(d.Id)) problems.Add($"Descriptor '{d.Id}' (dimension '{dimension.Id}'): the id is used twice.");
                if (string.IsNullOrWhiteSpace(d.Text) || string.IsNullOrWhiteSpace(d.ShortText)) problems.Add($"Descriptor '{d.Id}' has no text.");
                if (d.ShortText.Length > 100) problems.Add($"Descriptor '{d.Id}': its short text is over 100 characters.");
            }
        }
        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex IdPattern();
}
