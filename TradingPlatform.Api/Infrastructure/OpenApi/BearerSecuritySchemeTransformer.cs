using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares the JWT bearer scheme and the security of every operation: the bearer on each one whose endpoint needs
/// authorization, and the empty requirement (<c>security: [{}]</c>, "no credentials needed") on anonymous ones, so a
/// reader or a linter never has to guess. The REST API accepts only access tokens (API keys are for <c>/mcp</c>, which
/// is not in this document), so no other scheme appears.
/// </summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            In = ParameterLocation.Header,
            Description = "The accessToken from POST /api/auth/login or /api/auth/refresh (valid 15 minutes).",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Security ??= [];
        operation.Security.Add(EndpointSecurity.RequiresAuthorization(context.Description.ActionDescriptor.EndpointMetadata)
            ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }
            : new OpenApiSecurityRequirement());
        return Task.CompletedTask;
    }
}
