using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Api.Market.Instruments;

/// <summary>When an instrument trades: its profile name, a readable description and the exchange's time zone.</summary>
public sealed record TradingHoursResponse(string Profile, string Description, string TimeZone)
{
    public static TradingHoursResponse From(TradingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return new(TradingHoursProfiles.NameOf(hours), hours.Description, hours.TimeZone);
    }
}
