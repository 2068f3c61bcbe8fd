using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// The indicators refuse NaN and infinities: one of them in a running sum would stay there after the value left the
/// window and silently turn every later output into NaN, far from the bar that caused it.
/// </summary>
internal static class IndicatorInput
{
    public static void ThrowIfNotFinite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value, paramName);
        }
    }

    // Kept out of line so that the check above stays small enough to inline into every Add.
    [DoesNotReturn]
    private static void ThrowNotFinite(double value, string? paramName) =>
        throw new ArgumentOutOfRangeException(paramName, value, "An indicator's input must be a finite number.");
}
