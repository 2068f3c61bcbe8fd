using System.Globalization;

namespace TradingPlatform.AiService.News;

/// <summary>
/// The simulator's headlines: <c>{0}</c> is the instrument's name in news (<see cref="NameOf"/>), <c>{1}</c> the move
/// in percent. Positive ones for a market that rose, negative for one that fell, neutral for a flat one; a test checks
/// that the sentiment model (MiniLM with the platform's head) reads each positive one as positive and each negative
/// one as negative for every instrument's name; these were chosen from candidates by that check.
/// </summary>
public static class NewsTemplates
{
    public static IReadOnlyList<string> Positive { get; } =
    [
        "{0} climbs {1} to a fresh high on strong demand, traders said.",
        "{0} surges {1} after better-than-expected data lifts sentiment.",
        "{0} advanced {1} on record inflows and upbeat forecasts.",
        "{0} jumps {1}, hitting its highest level in months.",
        "{0} gains {1} as investors cheer robust growth.",
    ];

    public static IReadOnlyList<string> Negative { get; } =
    [
        "{0} falls {1} as investors flee on mounting losses, traders said.",
        "{0} plunges {1} after a sharp sell-off rattles the market.",
        "{0} dropped {1}, extending losses as investors fled.",
        "{0} sank {1} amid a wave of selling and downgrades.",
        "{0} crashed {1} as panic selling deepened the rout.",
    ];

    public static IReadOnlyList<string> Neutral { get; } =
    [
        "{0} trades flat, moving {1}, as markets await fresh data.",
        "{0} is little changed, moving {1}, in quiet trading.",
    ];

    /// <summary>The size of a relative move as the headlines write it: 0.0287 is "2.87%".</summary>
    public static string Percent(double move) => (Math.Abs(move) * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>How the headlines name an instrument (one of <see cref="InstrumentAliases"/>' aliases, so that it is recognised).</summary>
    public static string NameOf(string symbol) => symbol switch
    {
        "BTC-USD" => "Bitcoin",
        "ETH-USD" => "Ethereum",
        "BTC-FUT" => "Bitcoin futures",
        "SPX-FUT" => "S&P 500 futures",
        "EURUSD" => "EUR/USD",
        "GBPUSD" => "GBP/USD",
        "AAPL" => "Apple",
        "XAU-USD" => "Gold",
        _ => symbol,
    };
}
