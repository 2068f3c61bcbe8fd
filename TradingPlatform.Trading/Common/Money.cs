namespace TradingPlatform.Trading.Common;

/// <summary>Cash amounts are in account currency (USD) and settle to the cent.</summary>
public static class Money
{
    public const int Decimals = 2;

    public static decimal Round(decimal amount) => Math.Round(amount, Decimals, MidpointRounding.ToEven);
}
