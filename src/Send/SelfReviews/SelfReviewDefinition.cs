using System.Text.Json.Serialization;

namespace SendWorkflow.Send.SelfReviews;

/// <summary>
/// The school's SEN and inclusion self-review as it ships in definitions/self-review.json (schema:
/// definitions/self-review.schema.json): the ten dimensions of seed 001, each with the descriptors the school gives a level
/// on the four-point scale.
/// </summary>
public sealed record SelfReviewDefinition(
    string Id, string Title, IReadOnlyList<SelfReviewScaleLevel> Scale, IReadOnlyList<SelfReviewDimensionDefinition> Dimensions,
    string? Note = null, string? EvidencePrompt = null, string? ImprovePrompt = null,
    [property: JsonPropertyName("$schema")] string? Schema = null)
{
    public const int Lowest = 1;
    public const int Highest = 4;

    /// <summary>The descriptor with this id and its dimension, or null.</summary>
    public (SelfReviewDimensionDefinition Dimension, SelfReviewDescriptor Descriptor)? Find(string? descriptorId)
    {
        foreach (var dimension in Dimensions)
        {
            foreach (var descriptor in dimension.Descriptors)
            {
                if (descriptor.Id == descriptorId) return (dimension, descriptor);
            }
        }
        return null;
    }

    public SelfReviewDimensionDefinition? Dimension(string? id) => Dimensions.FirstOrDefault(d => d.Id == id);
}

/// <param name="Level">1 (lowest) to 4.</param>
public sealed record SelfReviewScaleLevel(int Level, string Name, string? Text = null);

/// <param name="Question">The dimension's question, e.g. "How well do children with SEN achieve and attain?".</param>
public sealed record SelfReviewDimensionDefinition(
    string Id, int Number, string Title, string Question, IReadOnlyList<SelfReviewDescriptor> Descriptors, string? Lead = null);

/// <param name="Id">Kept for good ("achievement-1"): the school's levels are stored against it year after year.</param>
public sealed record SelfReviewDescriptor(string Id, [property: JsonPropertyName("short")] string ShortText, string Text);
