using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>A backtest run's id.</summary>
public readonly record struct BacktestId(Guid Value) : IStrongId<BacktestId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static BacktestId New() => new(Guid.CreateVersion7());

    public static BacktestId From(Guid value) => new(value);

    public static bool TryParse(string? text, out BacktestId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new BacktestId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
