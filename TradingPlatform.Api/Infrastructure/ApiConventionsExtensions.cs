using System.Text.Json.Serialization;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Http;
using TradingPlatform.Api.Infrastructure.Validation;

namespace TradingPlatform.Api.Infrastructure;

/// <summary>The conventions every endpoint inherits: envelope, errors, JSON, CORS, security headers, body limit.</summary>
public static class ApiConventionsExtensions
{
    public const string CorsPolicy = "frontends";

    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ApiOptions>().BindConfiguration("Api").ValidateDataAnnotations().ValidateOnStart();

        // Request bodies (and any parameter with rules) are checked by the framework's generated validation; the
        // writer, registered before AddProblemDetails adds the default one, answers its failures with the 422 envelope.
        builder.Services.AddValidation();
        builder.Services.AddSingleton<IProblemDetailsWriter, ValidationProblemWriter>();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemEnvelope.Customize);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (malformed JSON, a string where a number belongs) become exceptions the handler answers
        // with the envelope, in every environment, instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var origins = builder.Configuration.GetSection("Api:CorsOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(SecurityHeadersMiddleware.TraceIdHeader, "Retry-After")));
        return builder;
    }

    public static WebApplication UseApiConventions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseCors(CorsPolicy);
        return app;
    }
}
