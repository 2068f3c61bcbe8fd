using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Market;

/// <summary>
/// The U-shaped intraday volume curve: busy at the open and the close, quiet in the middle. Markets with sessions of
/// a day or less (stocks, Globex) follow their session; continuous markets (crypto, forex) follow the UTC day. The
/// factor averages 1 over the session.
/// </summary>
public static class IntradayVolumeProfile
{
    private const double Floor = 0.6;
    private const double Depth = 1.6;
    private const double Mean = Floor + (Depth / 3);

    public static double Factor(TradingHours hours, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return Shape(FractionOfSession(hours, instant));
    }

    /// <summary>The curve at <paramref name="fraction"/> (0 = open, 1 = close) of the session.</summary>
    public static double Shape(double fraction)
    {
        var x = (2 * Math.Clamp(fraction, 0, 1)) - 1;
        return (Floor + (Depth * x * x)) / Mean;
    }

    internal static double FractionOfSession(TradingHours hours, DateTimeOffset instant)
    {
        if (!hours.IsAlwaysOpen && hours.Sessions.Count > 0)
        {
            var length = hours.Sessions[0].CloseOffset - hours.Sessions[0].OpenOffset;
            if (length <= TimeSpan.FromDays(1) && hours.SessionEnd(instant) is { } end)
            {
                return 1 - ((end - instant) / length);
            }
        }

        return instant.UtcDateTime.TimeOfDay / TimeSpan.FromDays(1);
    }
}
