using System.Globalization;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>One typed parameter of an algorithm: its name in JSON (camelCase), kind, inclusive range and default.</summary>
public sealed record ParameterSpec(string Name, ParameterKind Kind, double Min, double Max, double Default, string Description)
{
    /// <summary>Why <paramref name="value"/> is not acceptable, or null when it is.</summary>
    public string? Check(double value)
    {
        if (!double.IsFinite(value))
        {
            return $"{Name} must be a finite number.";
        }

        return Kind switch
        {
            ParameterKind.Boolean when value is not (0 or 1) => $"{Name} is true or false.",
            ParameterKind.Integer when value != Math.Floor(value) => $"{Name} must be a whole number.",
            _ when value < Min || value > Max => $"{Name} must be between {F(Min)} and {F(Max)}; it was {F(value)}.",
            _ => null,
        };
    }

    private static string F(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
