using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Tests.Instruments;

public sealed class TradingHoursTests
{
    [Theory]
    [InlineData("2026-11-23T14:29:00Z", false)] // Monday 09:29 New York (EST, UTC-5)
    [InlineData("2026-11-23T14:30:00Z", true)]  // 09:30
    [InlineData("2026-11-23T20:59:00Z", true)]  // 15:59
    [InlineData("2026-11-23T21:00:00Z", false)] // 16:00 close
    [InlineData("2026-11-28T15:00:00Z", false)] // Saturday
    [InlineData("2026-07-06T13:30:00Z", true)]  // Monday 09:30 EDT (UTC-4): daylight saving is followed
    public void Us_equities_trade_in_New_York_regular_hours(string instant, bool open) =>
        Assert.Equal(open, InstrumentCatalog.UsEquityHours.IsOpen(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-22T21:59:00Z", false)] // Sunday 16:59 New York
    [InlineData("2026-11-22T22:00:00Z", true)]  // Sunday 17:00: the week opens
    [InlineData("2026-11-25T03:00:00Z", true)]  // midweek night
    [InlineData("2026-11-27T21:59:00Z", true)]  // Friday 16:59
    [InlineData("2026-11-27T22:00:00Z", false)] // Friday 17:00: the week closes
    public void Forex_trades_from_Sunday_to_Friday_evening(string instant, bool open) =>
        Assert.Equal(open, InstrumentCatalog.ForexHours.IsOpen(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-24T22:30:00Z", false)] // Tuesday 17:30 New York: the daily break
    [InlineData("2026-11-24T23:00:00Z", true)]  // 18:00 reopens
    [InlineData("2026-11-28T12:00:00Z", false)] // Saturday
    public void Globex_has_a_daily_break(string instant, bool open) =>
        Assert.Equal(open, InstrumentCatalog.GlobexHours.IsOpen(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Day_orders_end_with_the_session()
    {
        var monday = DateTimeOffset.Parse("2026-11-23T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture), InstrumentCatalog.UsEquityHours.SessionEnd(monday));
        Assert.Null(InstrumentCatalog.UsEquityHours.SessionEnd(monday.AddHours(8)));
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), TradingHours.AlwaysOpen.SessionEnd(monday));
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture), InstrumentCatalog.GlobexHours.SessionEnd(monday));
    }

    [Fact]
    public void Every_shipped_instrument_has_consistent_limits()
    {
        Assert.Equal(8, InstrumentCatalog.Defaults.Count);
        foreach (var instrument in InstrumentCatalog.Defaults)
        {
            Assert.True(instrument.IsOnLot(instrument.MinQuantity), instrument.Symbol);
            Assert.True(instrument.IsOnTick(instrument.InitialPrice), instrument.Symbol);
            Assert.InRange(instrument.MaxLeverage, 1, 100);
            Assert.True(instrument.MinQuantity < instrument.MaxQuantity, instrument.Symbol);
        }
    }
}
