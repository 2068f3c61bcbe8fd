using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// Checks a call's arguments against the tool's own input schema before the SDK binds them: a missing required
/// argument, an unknown one, or one of the wrong JSON type (or an unreadable date) becomes a tool error that names it,
/// where the SDK's binder would only say "an error occurred invoking" the tool. Range and business rules stay with the
/// services (the same as the REST API's); this is only the shape.
/// </summary>
internal static class McpArgumentCheck
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter { get; } = next => async (context, cancellationToken) =>
    {
        if (context.MatchedPrimitive is McpServerTool tool && Problem(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { } problem)
        {
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"{ErrorCodes.Validation}: {problem}" }] };
        }

        return await next(context, cancellationToken);
    };

    public static string? Problem(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var given = arguments ?? new Dictionary<string, JsonElement>();
        var problems = new List<string>();
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!)
                .Where(name => !given.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                .Select(name => $"{name}: is required."));
        }

        foreach (var (name, value) in given)
        {
            if (!properties.TryGetProperty(name, out var property))
            {
                var known = string.Join(", ", properties.EnumerateObject().Select(p => p.Name));
                problems.Add(known.Length == 0 ? $"{name}: is not an argument; this tool takes none." : $"{name}: is not an argument of this tool (it takes {known}).");
            }
            else if (Mismatch(property, value) is { } mismatch)
            {
                problems.Add($"{name}: {mismatch}");
            }
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private static string? Mismatch(JsonElement property, JsonElement value)
    {
        var types = Types(property);
        if (types.Count == 0 || value.ValueKind is JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return types.Contains("null") ? null : "must not be null.";
        }

        var matches = value.ValueKind switch
        {
            JsonValueKind.String => types.Contains("string"),
            JsonValueKind.Number => types.Contains("number") || (types.Contains("integer") && value.TryGetInt64(out _)),
            JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
            JsonValueKind.Array => types.Contains("array"),
            JsonValueKind.Object => types.Contains("object"),
            _ => false,
        };
        if (!matches)
        {
            var expected = string.Join(" or ", types.Where(t => t != "null").Select(t => t == "integer" ? "a whole number" : t == "array" ? "an array" : $"a {t}"));
            return $"must be {expected}, not {Describe(value)}.";
        }

        if (value.ValueKind == JsonValueKind.String && property.TryGetProperty("format", out var format) && format.GetString() == "date-time"
            && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return $"'{value.GetString()}' is not an ISO-8601 date and time.";
        }

        if (value.ValueKind == JsonValueKind.Array && property.TryGetProperty("items", out var items))
        {
            return value.EnumerateArray().Select(item => Mismatch(items, item)).FirstOrDefault(m => m is not null) is { } inner ? $"an item {inner}" : null;
        }

        return null;
    }

    private static List<string> Types(JsonElement property)
    {
        if (!property.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => [.. type.EnumerateArray().Select(t => t.GetString()!)],
            _ => [],
        };
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text '{value.GetString()}'",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.GetRawText(),
    };
}
