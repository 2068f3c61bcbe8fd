using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.Dashboard;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary>
/// Checks the <c>x-otlp-api-key</c> header when <see cref="DashboardSettings.OtlpApiKey"/> is set; without settings or
/// key, OTLP is open (the receiver listens on loopback only). Compares SHA-256 digests in constant time, so neither
/// the key's content nor its length leaks through timing.
/// </summary>
internal sealed class OtlpApiKeyValidator(IServiceProvider services)
{
    // Resolved on first use: the dashboard host may register its settings after AddOtlpReceiver.
    private readonly Lazy<byte[]?> _expected = new(() =>
        services.GetService<DashboardSettings>()?.OtlpApiKey is { Length: > 0 } key ? Digest(key) : null);

    public bool IsAuthorized(string? presented)
    {
        if (_expected.Value is not { } expected)
        {
            return true;
        }

        return presented is not null && CryptographicOperations.FixedTimeEquals(expected, Digest(presented));
    }

    public bool IsAuthorized(IHeaderDictionary headers) =>
        IsAuthorized(headers.TryGetValue(DashboardSettings.OtlpApiKeyHeader, out var values) ? values.ToString() : null);

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
