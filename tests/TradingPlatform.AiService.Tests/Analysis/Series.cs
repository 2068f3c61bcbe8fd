using TradingPlatform.AiService.Analysis;

namespace TradingPlatform.AiService.Tests.Analysis;

/// <summary>Hand-built bars for the analysis tests: (high, low, close) one hour apart.</summary>
internal static class Series
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<PriceBar> Of(params (double High, double Low, double Close)[] bars) =>
        [.. bars.Select((b, i) => new PriceBar(Start.AddHours(i), b.High, b.Low, b.Close))];

    /// <summary>Swing highs 102 (bar 1) and 102.1 (bar 3) around a low of 98 (bar 2); the last close 99.2 is below both.</summary>
    public static List<PriceBar> DoubleTop() => Of(
        (100, 99, 99.5), (102, 100, 101.5), (101, 98, 98.5), (102.1, 99, 101.8), (101, 99.5, 100), (100.5, 99, 99.2));

    /// <summary>Swing lows 98 (bar 1) and 97.9 (bar 3) around a high of 102 (bar 2); the last close 100.8 is above both.</summary>
    public static List<PriceBar> DoubleBottom() => Of(
        (101, 100, 100.5), (100, 98, 98.5), (102, 99, 101.5), (100, 97.9, 98.2), (100.5, 99, 100), (101, 99.5, 100.8));

    /// <summary>Swing highs 101 (bar 1), 102 (bar 3); swing lows 99.2 (bar 2), 99.8 (bar 4).</summary>
    public static List<PriceBar> Rising() => Of(
        (100, 99, 99.5), (101, 99.5, 100.8), (100.5, 99.2, 99.6), (102, 100, 101.7), (101.5, 99.8, 100.2), (103, 100.5, 102.8));

    /// <summary>Swing highs 105 (bar 1) and 105.1 (bar 3), swing lows 102 (bar 2) and 102.8 (bar 4); the last close 105.9 is above them.</summary>
    public static List<PriceBar> Breakout() => Of(
        (104, 103, 103.5), (105, 103.5, 104.5), (104.2, 102, 102.5), (105.1, 103, 104.8), (104.5, 102.8, 103), (104.9, 103.2, 104.6), (106, 104.5, 105.9));
}
