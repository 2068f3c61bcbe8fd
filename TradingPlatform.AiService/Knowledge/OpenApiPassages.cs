using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// One passage per operation of an OpenAPI 3 document: the heading "METHOD /path — summary", the operation id as the
/// anchor, and as text the summary, the description, the parameters, the request body's fields (one level of
/// <c>$ref</c> resolved) and the responses.
/// </summary>
public static class OpenApiPassages
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static IReadOnlyList<KnowledgePassage> Split(string path, string json)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var passages = new List<KnowledgePassage>();
        if (!root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            return passages;
        }

        foreach (var route in paths.EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (!route.Value.TryGetProperty(method, out var operation))
                {
                    continue;
                }

                var verb = method.ToUpperInvariant();
                var summary = Text(operation, "summary");
                var id = Text(operation, "operationId");
                var heading = summary.Length > 0 ? $"{verb} {route.Name} — {summary}" : $"{verb} {route.Name}";
                var anchor = id.Length > 0 ? id : FallbackAnchor(method, route.Name);
                passages.Add(new KnowledgePassage(path, heading, anchor, Describe(root, route.Value, operation, summary)));
            }
        }

        return passages;
    }

    private static string Describe(JsonElement root, JsonElement route, JsonElement operation, string summary)
    {
        var text = new StringBuilder();
        if (summary.Length > 0)
        {
            text.Append(summary).Append('\n');
        }

        if (Text(operation, "description") is { Length: > 0 } description)
        {
            text.Append(description).Append('\n');
        }

        if (operation.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array && tags.GetArrayLength() > 0)
        {
            text.Append("Tags: ").AppendJoin(", ", tags.EnumerateArray().Select(t => t.GetString())).Append('\n');
        }

        var parameters = Parameters(root, route).Concat(Parameters(root, operation)).ToList();
        if (parameters.Count > 0)
        {
            text.Append("Parameters:\n");
            foreach (var parameter in parameters)
            {
                var required = parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True ? ", required" : "";
                var type = parameter.TryGetProperty("schema", out var schema) ? TypeOf(root, schema) : "";
                text.Append(CultureInfo.InvariantCulture, $"- {Text(parameter, "name")} ({Text(parameter, "in")}{(type.Length > 0 ? ", " + type : "")}{required})");
                if (Text(parameter, "description") is { Length: > 0 } about)
                {
                    text.Append(": ").Append(about);
                }

                text.Append('\n');
            }
        }

        if (operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
        {
            foreach (var media in content.EnumerateObject().Take(1))
            {
                text.Append(CultureInfo.InvariantCulture, $"Request body ({media.Name}):\n");
                if (media.Value.TryGetProperty("schema", out var schema))
                {
                    Fields(root, Resolve(root, schema), text);
                }
            }
        }

        if (operation.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object)
        {
            text.Append("Responses:\n");
            foreach (var response in responses.EnumerateObject())
            {
                text.Append(CultureInfo.InvariantCulture, $"- {response.Name}: {Text(Resolve(root, response.Value), "description")}\n");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>For an operation without an id: "get-api-accounts-accountid" (method and path, runs of other characters as one '-').</summary>
    public static string FallbackAnchor(string method, string route)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(route);
        var anchor = new StringBuilder(method.ToLowerInvariant());
        foreach (var c in route.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                anchor.Append(c);
            }
            else if (anchor[^1] != '-')
            {
                anchor.Append('-');
            }
        }

        return anchor.ToString().TrimEnd('-');
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement root, JsonElement owner) =>
        owner.TryGetProperty("parameters", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(p => Resolve(root, p))
            : [];

    private static void Fields(JsonElement root, JsonElement schema, StringBuilder text)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            if (TypeOf(root, schema) is { Length: > 0 } type)
            {
                text.Append("- ").Append(type).Append('\n');
            }

            return;
        }

        var required = schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet()
            : [];
        foreach (var property in properties.EnumerateObject())
        {
            var field = Resolve(root, property.Value);
            text.Append(CultureInfo.InvariantCulture, $"- {property.Name} ({TypeOf(root, property.Value)}{(required.Contains(property.Name) ? ", required" : "")})");
            if (Text(field, "description") is { Length: > 0 } about)
            {
                text.Append(": ").Append(about);
            }

            text.Append('\n');
        }
    }

    /// <summary>A schema's type as a reader would say it: "string", "integer", "array of Order", the name of a $ref.</summary>
    private static string TypeOf(JsonElement root, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return reference.GetString()?.Split('/')[^1] ?? "";
        }

        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? string.Join(" or ", t.EnumerateArray().Select(e => e.GetString())) : t.GetString() ?? ""
            : "";
        if (type.Contains("array", StringComparison.Ordinal) && schema.TryGetProperty("items", out var items))
        {
            return $"array of {TypeOf(root, items)}";
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return $"{type} one of {string.Join(", ", values.EnumerateArray().Select(v => v.ToString()))}".Trim();
        }

        return type;
    }

    /// <summary>The target of a local <c>$ref</c> (#/components/...), or the element itself.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement element)
    {
        for (var hops = 0; hops < 8 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference); hops++)
        {
            var target = root;
            foreach (var part in (reference.GetString() ?? "").TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!target.TryGetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out target))
                {
                    return element;
                }
            }

            element = target;
        }

        return element;
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : "";
}
