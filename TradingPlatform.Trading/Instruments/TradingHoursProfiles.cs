namespace TradingPlatform.Trading.Instruments;

/// <summary>
/// Trading hours stay in code; the database stores a profile name per instrument ("crypto-24x7", "forex", "globex",
/// "us-equity") and this maps it to the catalog's <see cref="TradingHours"/>.
/// </summary>
public static class TradingHoursProfiles
{
    public const string Crypto = "crypto-24x7";
    public const string Forex = "forex";
    public const string Globex = "globex";
    public const string UsEquity = "us-equity";

    private static readonly Dictionary<string, TradingHours> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        [Crypto] = TradingHours.AlwaysOpen,
        [Forex] = InstrumentCatalog.ForexHours,
        [Globex] = InstrumentCatalog.GlobexHours,
        [UsEquity] = InstrumentCatalog.UsEquityHours,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The hours of a profile; an unknown name (a typo in an operator's edit) fails loudly.</summary>
    public static TradingHours FromName(string name) =>
        ByName.TryGetValue(name, out var hours) ? hours
            : throw new ArgumentException($"Unknown trading-hours profile '{name}'; known: {string.Join(", ", ByName.Keys)}.", nameof(name));

    public static string NameOf(TradingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        foreach (var (name, profile) in ByName)
        {
            if (ReferenceEquals(profile, hours))
            {
                return name;
            }
        }

        throw new ArgumentException($"Trading hours '{hours.Description}' are not a named profile.", nameof(hours));
    }
}
