using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.Http;

/// <summary>
/// Refuses bodies over <see cref="ApiOptions.MaxRequestBodyBytes"/> with 413: at once when Content-Length says so,
/// otherwise the server stops reading at the limit (a BadHttpRequestException the exception handler answers).
/// A <see cref="RequestBodyLimitOverride"/> sets another limit for its path (an upload endpoint).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options, IEnumerable<RequestBodyLimitOverride> overrides)
{
    private readonly RequestBodyLimitOverride[] _overrides = [.. overrides];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = _overrides.FirstOrDefault(o => context.Request.Path.StartsWithSegments(o.Path, StringComparison.OrdinalIgnoreCase))
            ?.MaxRequestBodyBytes ?? options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.Validation,
                $"The request body is {context.Request.ContentLength} bytes; the limit is {limit} bytes.").ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
