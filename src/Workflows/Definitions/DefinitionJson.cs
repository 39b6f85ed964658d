using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SendWorkflow.Workflows.Definitions;

/// <summary>Reads and writes definition documents; unknown properties are refused, not ignored.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // A null where the model has no nulls ("tasks": null) is refused with its path, not carried into validation.
        RespectNullableAnnotations = true,
    };

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    /// <summary>Parses a document; a document that isn't a definition gives a message saying where and why.</summary>
    public static WorkflowDefinition Parse(string json)
    {
        try
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false };
            using var doc = JsonDocument.Parse(json, options);
            return Parse(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new DefinitionFormatException(Describe(ex));
        }
    }

    public static WorkflowDefinition Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DefinitionFormatException("A definition must be a JSON object with id, name, initialState, states and transitions.");
        }
        try
        {
            var withoutSchema = element.TryGetProperty("$schema", out _) ? StripSchema(element) : element;
            return withoutSchema.Deserialize<WorkflowDefinition>(Options)
                ?? throw new DefinitionFormatException("The document is empty.");
        }
        catch (JsonException ex)
        {
            throw new DefinitionFormatException(Describe(ex));
        }
    }

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>
    /// A hash of the content, ignoring the version number, so re-importing the same file is a no-op. Layout counts as
    /// content: moving a state in the designer is a change worth a version.
    /// </summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        var canonical = definition with { Version = 0 };
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(canonical, Compact));
        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    private static JsonElement StripSchema(JsonElement element)
    {
        var node = System.Text.Json.Nodes.JsonObject.Create(element)!;
        node.Remove("$schema");
        return JsonSerializer.SerializeToElement(node);
    }

    private static string Describe(JsonException ex)
    {
        var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
        var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
        var message = ex.Message.Split(" Path:")[0];
        return $"The document is not a valid definition{where}{line}: {message}";
    }
}
