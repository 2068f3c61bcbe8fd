namespace TradingPlatform.Forecasting.NBeats;

/// <summary>The range checks of the option records, so that each refusal names the option, its value and the rule.</summary>
internal static class OptionChecks
{
    public static int AtLeast(int value, int minimum, string name, string meaning) =>
        value >= minimum
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} ({meaning}) must be at least {minimum}; it was {value}.");

    public static double Positive(double value, string name, string meaning) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} ({meaning}) must be a finite number above 0; it was {value}.");
}
