using System.Text.RegularExpressions;

namespace SendWorkflow.Rules;

/// <summary>Rewrites Dynamic LINQ's messages into words a SENCo can act on; unrecognised ones pass through.</summary>
internal static partial class FriendlyErrors
{
    private static readonly string[] TopLevelNames = ["facts", "data", "params", "findings", "reviews", "Progress", "Rules", "Math", "true", "false"];

    private static readonly string[] DataMethods = ["Text", "Number", "Flag", "Has"];

    private static readonly Dictionary<string, string> SyntaxMessages = new(StringComparer.Ordinal)
    {
        ["Expression expected"] = "Something is missing here: a value or name was expected, e.g. after '&&' or '>='.",
        ["')' or operator expected"] = "Expected ')' or an operator such as '&&' here; check the brackets.",
        ["')' or ',' expected"] = "Expected ')' or ',' here; check the brackets.",
        ["Unterminated string literal"] = "Text is missing its closing double quote.",
        ["Syntax error"] = "This is not valid in a rule.",
    };

    public static string Translate(string message, Type parametersType, IReadOnlyCollection<string> parameterNames)
    {
        if (SyntaxMessages.TryGetValue(message, out var syntax))
        {
            return syntax;
        }

        if (UnknownMember().Match(message) is { Success: true } member)
        {
            return UnknownMemberMessage(member.Groups["name"].Value, member.Groups["type"].Value, parametersType, parameterNames);
        }

        if (UnknownIdentifier().Match(message) is { Success: true } identifier)
        {
            var name = identifier.Groups["name"].Value;
            return $"Unknown name '{name}'{Suggest(name, TopLevelNames)}. "
                + "A rule can use facts, data, params, findings, reviews, Progress, Rules and Math; text goes in double quotes.";
        }

        if (UnknownMethod().Match(message) is { Success: true } method)
        {
            return UnknownMethodMessage(method.Groups["name"].Value, method.Groups["type"].Value);
        }

        if (Operator().Match(message) is { Success: true } op)
        {
            return $"'{Symbol(op.Groups["op"].Value)}' cannot be used between {Describe(op.Groups["left"].Value)} "
                + $"and {Describe(op.Groups["right"].Value)}. Text goes in double quotes, e.g. data.Text(\"by\") == \"parent\".";
        }

        if (Compare().Match(message) is { Success: true } compare)
        {
            return $"Cannot compare {Describe(compare.Groups["left"].Value)} with {Describe(compare.Groups["right"].Value)}. "
                + "Text goes in double quotes, e.g. facts.EnteredBy == \"request\".";
        }

        return message;
    }

    public static string Describe(Type type) => Describe(Nullable.GetUnderlyingType(type)?.Name ?? type.Name);

    private static string Describe(string typeName) => typeName.Split('.')[^1] switch
    {
        "String" => "text",
        "Char" => "a single character",
        "Boolean" => "a yes/no value",
        nameof(Progress) => "a progress level",
        "Int16" or "Int32" or "Int64" or "UInt16" or "UInt32" or "UInt64" or "Byte" or "SByte"
            or "Single" or "Double" or "Decimal" => "a number",
        var other => $"a value of type {other}",
    };

    private static string UnknownMemberMessage(string name, string type, Type parametersType, IReadOnlyCollection<string> parameterNames)
    {
        if (type == parametersType.Name)
        {
            var known = parameterNames.Count == 0
                ? "this definition has no parameters"
                : "the parameters are " + string.Join(", ", parameterNames.Order(StringComparer.Ordinal));
            return $"Unknown parameter 'params.{name}'{Suggest(name, parameterNames)}; {known}.";
        }

        return type switch
        {
            "Findings" => $"Unknown finding 'findings.{name}': a finding is read by its id in capitals without dashes, "
                + "e.g. findings.PersistentConcern for persistent-concern.",
            nameof(Review) => $"Unknown name '{name}' on a review{Suggest(name, typeof(Review).GetProperties().Select(p => p.Name))}.",
            nameof(Facts) => $"Unknown name 'facts.{name}'{Suggest(name, typeof(Facts).GetProperties().Select(p => p.Name))}.",
            nameof(Progress) => $"Unknown progress level 'Progress.{name}'{Suggest(name, Enum.GetNames<Progress>())}; "
                + $"the levels are {string.Join(", ", Enum.GetNames<Progress>())}.",
            nameof(EventData) => $"Unknown name 'data.{name}'. Read event data with data.Text(\"{name}\"), "
                + $"data.Number(\"{name}\") or data.Flag(\"{name}\").",
            _ => $"Unknown name '{name}' on {Describe(type)}.",
        };
    }

    private static string UnknownMethodMessage(string name, string type) => type switch
    {
        nameof(EventData) when DataMethods.Contains(name) =>
            $"'data.{name}' needs the field name in double quotes, e.g. data.{name}(\"by\").",
        nameof(EventData) => $"Unknown name 'data.{name}'{Suggest(name, DataMethods)}; use data.Text, data.Number, data.Flag or data.Has.",
        nameof(Rules) => $"'Rules.{name}' does not exist or does not take these values"
            + $"{Suggest(name, typeof(Rules).GetMethods().Select(m => m.Name).Distinct())}.",
        _ => $"'{name}' cannot be used on {Describe(type)} with these values.",
    };

    private static string Symbol(string op) => op switch
    {
        "Equal" => "==",
        "NotEqual" => "!=",
        "GreaterThan" => ">",
        "GreaterThanOrEqual" => ">=",
        "LessThan" => "<",
        "LessThanOrEqual" => "<=",
        "Add" => "+",
        "Subtract" => "-",
        "Multiply" => "*",
        "Divide" => "/",
        _ => op,
    };

    private static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(c => c.distance <= MaxDistance(name))
            .OrderBy(c => c.distance)
            .Select(c => c.candidate)
            .FirstOrDefault();
        return best is null ? "" : $" (did you mean {best}?)";
    }

    // Short names allow only one slip, or "Type" would suggest "true".
    private static int MaxDistance(string name) => name.Length <= 4 ? 1 : Math.Max(2, name.Length / 3);

    // Levenshtein distance; names are short, so the simple two-row version is plenty.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^No property or field '(?<name>[^']+)' exists in type '(?<type>[^']+)'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("^Unknown identifier '(?<name>[^']+)'")]
    private static partial Regex UnknownIdentifier();

    [GeneratedRegex("^No applicable method '(?<name>[^']+)' exists in type '(?<type>[^']+)'")]
    private static partial Regex UnknownMethod();

    [GeneratedRegex("^Method 'Compare' not found on type '(?<left>[^']+)' or '(?<right>[^']+)'")]
    private static partial Regex Compare();

    [GeneratedRegex("(?:^Operator '(?<op>[^']+)' incompatible with operand types"
        + "|^The binary operator (?<op>\\w+) is not defined for the types) '(?<left>[^']+)' and '(?<right>[^']+)'")]
    private static partial Regex Operator();
}
