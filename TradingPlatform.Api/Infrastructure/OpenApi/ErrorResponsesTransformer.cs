using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents the error envelope every operation can answer with (problem details plus success, error, traceId and
/// timestamp), with an example, so clients know the shape of 400, 401, 403, 422, 429, 500 and 503 responses.
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    private static readonly (string Status, string Code, string Message)[] Common =
    [
        ("400", ErrorCodes.Validation, "The request body is not valid JSON."),
        ("429", ErrorCodes.RateLimit, "Too many requests; retry in 42 s."),
        ("500", ErrorCodes.Internal, "An unexpected error occurred."),
        ("503", ErrorCodes.ServiceUnavailable, "A service this request needs is unavailable; retry later."),
    ];

    private static readonly (string Status, string Code, string Message)[] Secured =
    [
        ("401", ErrorCodes.Authentication, "A valid bearer token is required."),
        ("403", ErrorCodes.Authorization, "You do not have permission to do this."),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var secured = EndpointSecurity.RequiresAuthorization(context.Description.ActionDescriptor.EndpointMetadata);
        foreach (var (status, code, message) in secured ? Common.Concat(Secured) : Common)
        {
            if (operation.Responses.ContainsKey(status))
            {
                continue;
            }

            operation.Responses[status] = new OpenApiResponse
            {
                Description = ProblemEnvelope.TitleFor(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(ErrorEnvelopeSchema.Name, context.Document),
                        Example = Example(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), code, message),
                    },
                },
            };
        }

        return Task.CompletedTask;
    }

    private static JsonObject Example(int status, string code, string message) => new JsonObject
    {
        ["type"] = ProblemEnvelope.TypeFor(code),
        ["title"] = ProblemEnvelope.TitleFor(status),
        ["status"] = status,
        ["detail"] = message,
        ["instance"] = "/api/…",
        ["success"] = false,
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["details"] = null },
        ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        ["timestamp"] = "2026-01-01T12:00:00Z",
    };
}
