using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Infrastructure.Http;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>Origins allowed by CORS (the front ends); none means no cross-origin access.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Bodies over this size are refused with 413 (1 MiB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
