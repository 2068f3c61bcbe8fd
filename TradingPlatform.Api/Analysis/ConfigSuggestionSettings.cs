namespace TradingPlatform.Api.Analysis;

/// <summary>
/// The settings the Worker's suggestions name (its <c>ConfigSettings</c>): the strategy's, applied through the
/// strategy update, and the account's.
/// </summary>
public static class ConfigSuggestionSettings
{
    public const string Leverage = "leverage";
    public const string AccountMaxDailyLoss = "accountMaxDailyLoss";
    public const string StopLoss = "stopLoss";
    public const string TakeProfit = "takeProfit";
    public const string MaxRiskPerTrade = "maxRiskPerTrade";
    public const string MaxDailyLoss = "maxDailyLoss";
    public const string Interval = "interval";
    public const string Status = "status";

    /// <summary>Whether the setting is a strategy's (else an account's).</summary>
    public static bool IsStrategySetting(string setting) => setting is not (Leverage or AccountMaxDailyLoss);
}
