namespace TradingPlatform.AiService.Costs;

/// <summary>Today's spend is unknown (the database did not answer the day's first load): a budgeted call cannot be allowed.</summary>
public sealed class AiSpendUnavailableException() : Exception("Today's AI spend could not be read; budgeted features are refused until it can.");
