namespace TradingPlatform.Trading.Instruments;

/// <summary>
/// The instruments the platform ships with: seed 004's five plus GBPUSD, a stock and a commodity. Their parameters
/// are the defaults the database is seeded with; operators may change them there.
/// </summary>
public static class InstrumentCatalog
{
    private const string NewYork = "America/New_York";

    /// <summary>Forex: Sunday 17:00 to Friday 17:00 New York time, continuously.</summary>
    public static TradingHours ForexHours { get; } = TradingHours.Weekly(
        "Sun 17:00 - Fri 17:00 America/New_York", NewYork,
        new TradingSession(DayOfWeek.Sunday, new TimeSpan(17, 0, 0), DayOfWeek.Friday, new TimeSpan(17, 0, 0)));

    /// <summary>CME Globex: Sunday to Friday 18:00 to 17:00 New York time, with a one-hour break every day.</summary>
    public static TradingHours GlobexHours { get; } = TradingHours.Weekly(
        "Sun-Fri 18:00 - 17:00 America/New_York (daily break 17:00-18:00)", NewYork,
        [.. Enumerable.Range(0, 5).Select(day => new TradingSession(
            (DayOfWeek)day, new TimeSpan(18, 0, 0), (DayOfWeek)(day + 1), new TimeSpan(17, 0, 0)))]);

    /// <summary>NYSE/Nasdaq regular hours, 09:30 to 16:00 New York time, Monday to Friday.</summary>
    public static TradingHours UsEquityHours { get; } = TradingHours.Weekdays(
        "Mon-Fri 09:30 - 16:00 America/New_York", NewYork, new TimeSpan(9, 30, 0), new TimeSpan(16, 0, 0));

    public static IReadOnlyList<Instrument> Defaults { get; } =
    [
        new()
        {
            Symbol = "BTC-USD", Name = "Bitcoin / US Dollar", Type = InstrumentType.Crypto, BaseAsset = "BTC", QuoteAsset = "USD",
            TickSize = 0.01m, LotSize = 0.0001m, MinQuantity = 0.0001m, MaxQuantity = 100m, Spread = 0.0004m,
            SlippageFactor = 0.0001m, SizeImpact = 0.001m, MaxLeverage = 20, TopOfBookSize = 5m,
            AnnualVolatility = 0.60m, InitialPrice = 65000m, Hours = TradingHours.AlwaysOpen,
        },
        new()
        {
            Symbol = "ETH-USD", Name = "Ethereum / US Dollar", Type = InstrumentType.Crypto, BaseAsset = "ETH", QuoteAsset = "USD",
            TickSize = 0.01m, LotSize = 0.001m, MinQuantity = 0.001m, MaxQuantity = 1000m, Spread = 0.0005m,
            SlippageFactor = 0.0001m, SizeImpact = 0.0001m, MaxLeverage = 20, TopOfBookSize = 50m,
            AnnualVolatility = 0.75m, InitialPrice = 3200m, Hours = TradingHours.AlwaysOpen,
        },
        new()
        {
            Symbol = "BTC-FUT", Name = "Bitcoin Futures", Type = InstrumentType.Future, BaseAsset = "BTC", QuoteAsset = "USD",
            TickSize = 0.5m, LotSize = 0.01m, MinQuantity = 0.01m, MaxQuantity = 50m, Spread = 0.0003m,
            SlippageFactor = 0.0001m, SizeImpact = 0.001m, MaxLeverage = 50, TopOfBookSize = 5m, DailyFundingRate = 0.0003m,
            AnnualVolatility = 0.60m, InitialPrice = 65100m, Hours = GlobexHours,
        },
        new()
        {
            Symbol = "SPX-FUT", Name = "S&P 500 Futures", Type = InstrumentType.Future, BaseAsset = "SPX", QuoteAsset = "USD",
            TickSize = 0.25m, LotSize = 1m, MinQuantity = 1m, MaxQuantity = 500m, Spread = 0.0001m,
            SlippageFactor = 0.00005m, SizeImpact = 0.00002m, MaxLeverage = 50, TopOfBookSize = 50m, DailyFundingRate = 0.0001m,
            AnnualVolatility = 0.18m, InitialPrice = 5800m, Hours = GlobexHours,
        },
        new()
        {
            Symbol = "EURUSD", Name = "Euro / US Dollar", Type = InstrumentType.Forex, BaseAsset = "EUR", QuoteAsset = "USD",
            TickSize = 0.00001m, LotSize = 1000m, MinQuantity = 1000m, MaxQuantity = 10_000_000m, Spread = 0.00008m,
            SlippageFactor = 0.00002m, SizeImpact = 0.000000001m, MaxLeverage = 100, TopOfBookSize = 5_000_000m,
            AnnualVolatility = 0.07m, InitialPrice = 1.08500m, Hours = ForexHours,
        },
        new()
        {
            Symbol = "GBPUSD", Name = "British Pound / US Dollar", Type = InstrumentType.Forex, BaseAsset = "GBP", QuoteAsset = "USD",
            TickSize = 0.00001m, LotSize = 1000m, MinQuantity = 1000m, MaxQuantity = 10_000_000m, Spread = 0.0001m,
            SlippageFactor = 0.00002m, SizeImpact = 0.000000001m, MaxLeverage = 100, TopOfBookSize = 3_000_000m,
            AnnualVolatility = 0.08m, InitialPrice = 1.27000m, Hours = ForexHours,
        },
        new()
        {
            Symbol = "AAPL", Name = "Apple Inc.", Type = InstrumentType.Stock, BaseAsset = "AAPL", QuoteAsset = "USD",
            TickSize = 0.01m, LotSize = 1m, MinQuantity = 1m, MaxQuantity = 100_000m, Spread = 0.0002m,
            SlippageFactor = 0.00005m, SizeImpact = 0.000001m, MaxLeverage = 4, TopOfBookSize = 2000m,
            AnnualVolatility = 0.28m, InitialPrice = 230m, Hours = UsEquityHours,
        },
        new()
        {
            Symbol = "XAU-USD", Name = "Gold / US Dollar", Type = InstrumentType.Commodity, BaseAsset = "XAU", QuoteAsset = "USD",
            TickSize = 0.01m, LotSize = 0.01m, MinQuantity = 0.01m, MaxQuantity = 10_000m, Spread = 0.0003m,
            SlippageFactor = 0.00005m, SizeImpact = 0.00001m, MaxLeverage = 50, TopOfBookSize = 500m,
            AnnualVolatility = 0.15m, InitialPrice = 2650m, Hours = GlobexHours,
        },
    ];

    private static readonly Dictionary<string, Instrument> BySymbol =
        Defaults.ToDictionary(instrument => instrument.Symbol, StringComparer.OrdinalIgnoreCase);

    public static Instrument? Find(string? symbol) =>
        symbol is not null && BySymbol.TryGetValue(symbol, out var instrument) ? instrument : null;
}
