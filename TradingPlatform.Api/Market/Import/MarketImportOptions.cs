using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Market.Import;

/// <summary>The <c>Market:Import</c> section.</summary>
public sealed class MarketImportOptions
{
    public const string Section = "Market:Import";

    /// <summary>The largest CSV (or multipart) body <c>POST /api/market/import</c> accepts: 64 MiB, about a year of 1m bars.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;
}
