using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Orders;

/// <summary>An order as a client asks for it (seed 001's fields plus leverage, bracket and trailing parameters).</summary>
public sealed record OrderRequest
{
    public required string Symbol { get; init; }

    public required OrderType Type { get; init; }

    public required OrderSide Side { get; init; }

    public required decimal Quantity { get; init; }

    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    public TimeInForce TimeInForce { get; init; } = TimeInForce.Gtc;

    public ClientOrderId? ClientOrderId { get; init; }

    public int? Leverage { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }

    public decimal? TrailAmount { get; init; }

    public decimal? TrailPercent { get; init; }

    public StrategyId? StrategyId { get; init; }

    /// <summary>Identifies the request's content, so that a retry with the same client order id can be told from a conflicting one.</summary>
    /// <remarks>Numbers are normalised (1.50 and 1.5 are the same request).</remarks>
    public string Fingerprint() => string.Join('|',
        Instruments.Symbol.Normalize(Symbol), Type, Side, N(Quantity), N(Price), N(StopPrice), TimeInForce,
        Leverage ?? 1, N(StopLoss), N(TakeProfit), N(TrailAmount), N(TrailPercent), StrategyId?.ToString() ?? "");

    private static string N(decimal? value) => value?.ToString("G29", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
