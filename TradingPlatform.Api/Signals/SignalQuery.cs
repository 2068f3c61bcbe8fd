namespace TradingPlatform.Api.Signals;

/// <summary>Filters and position of a signals page; <see cref="MinScore"/> keeps signals with score ≥ it.</summary>
public sealed record SignalQuery(int Limit, SignalCursor? After = null, string? Symbol = null, decimal? MinScore = null, DateTimeOffset? Since = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}
