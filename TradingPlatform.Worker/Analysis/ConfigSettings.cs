namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// The settings a suggestion can change, as the Api applies them: the strategy's (through the strategy update) and the
/// account's. The Api's apply endpoint knows exactly these names (its ConfigSuggestionSettings).
/// </summary>
public static class ConfigSettings
{
    /// <summary>The account's <c>maxLeverage</c> (orders cannot use more).</summary>
    public const string Leverage = "leverage";

    /// <summary>The account's <c>maxDailyLoss</c>, in account currency.</summary>
    public const string AccountMaxDailyLoss = "accountMaxDailyLoss";

    /// <summary>The strategy's <c>riskManagement.stopLoss</c>, percent from the entry.</summary>
    public const string StopLoss = "stopLoss";

    /// <summary>The strategy's <c>riskManagement.takeProfit</c>, percent from the entry.</summary>
    public const string TakeProfit = "takeProfit";

    /// <summary>The strategy's <c>riskManagement.maxRiskPerTrade</c>, percent of equity.</summary>
    public const string MaxRiskPerTrade = "maxRiskPerTrade";

    /// <summary>The strategy's <c>riskManagement.maxDailyLoss</c>, percent of equity.</summary>
    public const string MaxDailyLoss = "maxDailyLoss";

    /// <summary>The strategy's bar interval (<c>1m</c> … <c>1d</c>).</summary>
    public const string Interval = "interval";

    /// <summary>The strategy's status (a losing active strategy: <c>paused</c>).</summary>
    public const string Status = "status";

    public static IReadOnlyList<string> All { get; } = [Leverage, AccountMaxDailyLoss, StopLoss, TakeProfit, MaxRiskPerTrade, MaxDailyLoss, Interval, Status];
}
