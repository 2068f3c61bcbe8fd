using System.Globalization;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>How a suggestion writes its values and figures: invariant culture, no trailing zeros (the Api parses them back).</summary>
public static class ConfigValues
{
    public static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A percentage rounded to one decimal place, at least <paramref name="min"/>.</summary>
    public static decimal Percent(decimal value, decimal min = 0.1m) => Math.Max(min, Math.Round(value, 1, MidpointRounding.AwayFromZero));

    public static string Key(string rule, Guid target) => string.Create(CultureInfo.InvariantCulture, $"{rule}:{target}");

    public static double Confidence(double value) => Math.Round(Math.Clamp(value, 0.05, 0.95), 2);
}
