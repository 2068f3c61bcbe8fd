using Scalar.AspNetCore;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

public static class OpenApiExtensions
{
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "TradingPlatform API";
                document.Info.Version = "v1";
                document.Info.Description = "Paper trading against a simulated market, backtests and AI. Every response is an envelope: "
                    + "`{success, data, message?, timestamp}` on success, RFC 9457 problem details with `success:false, error{code,message,details}, traceId, timestamp` on failure.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<ErrorEnvelopeSchema>();
            options.AddDocumentTransformer<TagDescriptionsTransformer>();
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<ErrorResponsesTransformer>();
            options.AddOperationTransformer<RouteParametersTransformer>();
            options.AddSchemaTransformer<RequestExamplesTransformer>();
        });
        return builder;
    }

    /// <summary>The document at /openapi/v1.json and the interactive reference (Scalar) at /docs.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("TradingPlatform API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return app;
    }
}
