using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

/// <summary>The error envelope as a reusable component schema.</summary>
internal sealed class ErrorEnvelopeSchema : IOpenApiDocumentTransformer
{
    public const string Name = "ErrorEnvelope";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Name] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details carrying the seed envelope as extension members.",
            Required = new HashSet<string> { "status", "success", "error", "traceId", "timestamp" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["success"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                ["error"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "code", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Enum = [.. new[]
                            {
                                ErrorCodes.Validation, ErrorCodes.Authentication, ErrorCodes.Authorization, ErrorCodes.NotFound,
                                ErrorCodes.RateLimit, ErrorCodes.Trading, ErrorCodes.MarketClosed, ErrorCodes.InsufficientBalance,
                                ErrorCodes.Conflict, ErrorCodes.ServiceUnavailable, ErrorCodes.Internal,
                            }.Select(c => (System.Text.Json.Nodes.JsonNode)c!)],
                        },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["details"] = new OpenApiSchema { Description = "Field errors (422) or other structured detail." },
                    },
                },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            },
        };
        return Task.CompletedTask;
    }
}
