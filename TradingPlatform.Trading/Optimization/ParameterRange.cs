using System.Globalization;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// The values one parameter takes in a sweep: either an explicit list, or a range from <see cref="Min"/> to
/// <see cref="Max"/> (both inclusive) in steps of <see cref="Step"/>. A range is stepped in decimal arithmetic, so 0.1
/// to 0.5 by 0.1 gives exactly 0.1, 0.2, 0.3, 0.4 and 0.5 (in double, 0.1 + 0.2 is 0.30000000000000004, a value the
/// user never asked for and that would show up in every label).
/// </summary>
public sealed record ParameterRange
{
    /// <summary>More values than this in one parameter is a mistake (a step of 1e-9), reported before anything is expanded.</summary>
    public const int MaxValuesPerParameter = 1_000_000;

    private ParameterRange(string name, IReadOnlyList<double>? values, double min, double max, double step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        ListedValues = values;
        Min = min;
        Max = max;
        Step = step;
    }

    /// <summary>The parameter's name as the algorithm declares it (case-insensitive).</summary>
    public string Name { get; }

    /// <summary>The explicit values, in the order given; null for a range.</summary>
    public IReadOnlyList<double>? ListedValues { get; }

    public double Min { get; }

    public double Max { get; }

    public double Step { get; }

    public bool IsRange => ListedValues is null;

    public static ParameterRange List(string name, params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ParameterRange(name, [.. values], double.NaN, double.NaN, double.NaN);
    }

    public static ParameterRange Range(string name, double min, double max, double step) => new(name, null, min, max, step);

    /// <summary>The values in sweep order: a list as given, a range ascending.</summary>
    /// <exception cref="ArgumentException">An empty list, a non-finite value, a step that is not positive, a minimum above the maximum, or too many values.</exception>
    public IReadOnlyList<double> Values()
    {
        if (ListedValues is { } listed)
        {
            if (listed.Count == 0)
            {
                throw new ArgumentException($"The values of '{Name}' are empty: give at least one.", nameof(ListedValues));
            }

            foreach (var value in listed)
            {
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"The values of '{Name}' must be finite numbers; one was {F(value)}.", nameof(ListedValues));
                }
            }

            return listed;
        }

        if (!double.IsFinite(Min) || !double.IsFinite(Max) || !double.IsFinite(Step))
        {
            throw new ArgumentException($"The range of '{Name}' must have finite min, max and step; it was {F(Min)} to {F(Max)} by {F(Step)}.", nameof(Step));
        }

        if (Step <= 0)
        {
            throw new ArgumentException($"The step of '{Name}' must be greater than zero; it was {F(Step)}.", nameof(Step));
        }

        if (Min > Max)
        {
            throw new ArgumentException($"The range of '{Name}' runs from {F(Min)} to {F(Max)}: min must not be above max.", nameof(Min));
        }

        decimal min, max, step;
        try
        {
            (min, max, step) = ((decimal)Min, (decimal)Max, (decimal)Step);
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"The range of '{Name}' ({F(Min)} to {F(Max)} by {F(Step)}) is outside what a parameter can be.", nameof(Min));
        }

        var count = Math.Floor((max - min) / step) + 1;
        if (count > MaxValuesPerParameter)
        {
            throw new ArgumentException(
                $"The range of '{Name}' ({F(Min)} to {F(Max)} by {F(Step)}) has {count:0} values; at most {MaxValuesPerParameter:N0} per parameter.", nameof(Step));
        }

        var values = new double[(int)count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (double)(min + (i * step));
        }

        return values;
    }

    public override string ToString() => IsRange
        ? $"{Name} = {F(Min)}..{F(Max)} step {F(Step)}"
        : $"{Name} = [{string.Join(", ", ListedValues!.Select(F))}]";

    internal static string F(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
