namespace TradingPlatform.Jobs.Analysis;

/// <summary>
/// The settings a configuration-analysis suggestion can change: the Worker's rules name them and the Api's apply endpoint
/// changes them, the strategy's through the strategy update and the account's directly. One list for both services.
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

    /// <summary>Whether the setting is a strategy's (else an account's).</summary>
    public static bool IsStrategySetting(string setting) => setting is not (Leverage or AccountMaxDailyLoss);
}
