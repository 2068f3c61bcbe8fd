namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// The Diebold–Mariano test (Diebold and Mariano, 1995) with the Harvey–Leybourne–Newbold small-sample correction
/// (Harvey, Leybourne and Newbold, 1997), as R's forecast::dm.test computes it. For n paired errors of h-step
/// forecasts, dₜ = L(e_model,ₜ) − L(e_reference,ₜ), d̄ their mean and γₖ = 1/n Σₜ₌ₖ₊₁..ₙ (dₜ − d̄)(dₜ₋ₖ − d̄):
/// <list type="bullet">
/// <item>V = (γ₀ + 2 Σₖ₌₁..ₕ₋₁ γₖ) / n, the HAC (long-run) variance of d̄ with h − 1 autocovariance lags and equal
/// weights, since optimal h-step errors are autocorrelated up to lag h − 1 (overlapping windows share shocks). Equal
/// weights rather than Newey–West's Bartlett weights, because HLN's correction is derived for this estimator.</item>
/// <item>DM = d̄ / √V, and the HLN statistic DM* = DM · √((n + 1 − 2h + h(h − 1) / n) / n), referred to Student t with
/// n − 1 degrees of freedom; the p-value is two-sided.</item>
/// </list>
/// When every dₜ is the same (γ₀ = 0) the statistic is 0 with p = 1 if they are all 0 (the forecasts lose the same
/// everywhere) and ±∞ with p = 0 otherwise. When V ≤ 0 for h &gt; 1 (possible with equal weights) the test falls back
/// to h = 1 (γ₀ alone, and HLN's factor for h = 1), as dm.test does.
/// </summary>
public static class DieboldMariano
{
    /// <summary>Compares the model's errors with the reference's (paired, in time order, one per forecast origin) for h-step forecasts.</summary>
    public static DieboldMarianoResult Compare(IReadOnlyList<double> modelErrors, IReadOnlyList<double> referenceErrors, int horizon, DieboldMarianoLoss loss = DieboldMarianoLoss.SquaredError)
    {
        ArgumentNullException.ThrowIfNull(modelErrors);
        ArgumentNullException.ThrowIfNull(referenceErrors);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (!Enum.IsDefined(loss))
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, $"{loss} is not a Diebold–Mariano loss.");
        }

        if (modelErrors.Count != referenceErrors.Count)
        {
            throw new ArgumentException($"There are {modelErrors.Count} model errors and {referenceErrors.Count} reference errors; the test pairs them, so they must match.", nameof(referenceErrors));
        }

        var n = modelErrors.Count;
        if (n <= horizon)
        {
            throw new ArgumentException($"There are {n} paired errors; the test at horizon {horizon} needs more than {horizon} (n − 1 degrees of freedom and the small-sample correction need n > h).", nameof(modelErrors));
        }

        var differentials = new double[n];
        for (var t = 0; t < n; t++)
        {
            differentials[t] = Loss(modelErrors[t], loss, t, nameof(modelErrors)) - Loss(referenceErrors[t], loss, t, nameof(referenceErrors));
        }

        var mean = differentials.Average();
        var lags = horizon - 1;
        if (Autocovariance(differentials, mean, 0) == 0)
        {
            return mean == 0
                ? new DieboldMarianoResult(0, 1, 0, n, horizon, lags, loss)
                : new DieboldMarianoResult(mean > 0 ? double.PositiveInfinity : double.NegativeInfinity, 0, mean, n, horizon, lags, loss);
        }

        var variance = LongRunVariance(differentials, mean, lags);
        if (variance <= 0)
        {
            horizon = 1;
            lags = 0;
            variance = LongRunVariance(differentials, mean, 0);
        }

        var correction = Math.Sqrt((n + 1 - (2.0 * horizon) + (horizon * (horizon - 1.0) / n)) / n);
        var statistic = mean / Math.Sqrt(variance) * correction;
        return new DieboldMarianoResult(statistic, StudentT.TwoSidedPValue(statistic, n - 1), mean, n, horizon, lags, loss);
    }

    /// <summary>
    /// Compares the model's and the reference's forecasts for step <paramref name="step"/> (0 is the next value, so
    /// the horizon is step + 1) over a set of windows in time order; the errors are yₕ − ŷₕ.
    /// </summary>
    public static DieboldMarianoResult CompareAtStep(IReadOnlyList<EvaluationWindow> windows, IReadOnlyList<IReadOnlyList<double>> modelForecasts,
        IReadOnlyList<IReadOnlyList<double>> referenceForecasts, int step, DieboldMarianoLoss loss = DieboldMarianoLoss.SquaredError)
    {
        var horizon = EvaluationChecks.Horizon(windows, modelForecasts, nameof(windows), nameof(modelForecasts));
        EvaluationChecks.Horizon(windows, referenceForecasts, nameof(windows), nameof(referenceForecasts));
        if (step < 0 || step >= horizon)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The step must be between 0 and {horizon - 1} (the windows' horizon is {horizon}); it was {step}.");
        }

        var modelErrors = new double[windows.Count];
        var referenceErrors = new double[windows.Count];
        for (var w = 0; w < windows.Count; w++)
        {
            var actual = windows[w].Actual[step];
            modelErrors[w] = actual - modelForecasts[w][step];
            referenceErrors[w] = actual - referenceForecasts[w][step];
        }

        return Compare(modelErrors, referenceErrors, step + 1, loss);
    }

    private static double Loss(double error, DieboldMarianoLoss loss, int index, string paramName)
    {
        if (!double.IsFinite(error))
        {
            throw new ArgumentException($"{paramName}[{index}] is {error}; every error must be finite.", paramName);
        }

        return loss == DieboldMarianoLoss.SquaredError ? error * error : Math.Abs(error);
    }

    /// <summary>(γ₀ + 2 Σₖ₌₁..lags γₖ) / n.</summary>
    private static double LongRunVariance(double[] differentials, double mean, int lags)
    {
        var n = differentials.Length;
        var sum = Autocovariance(differentials, mean, 0);
        for (var k = 1; k <= lags; k++)
        {
            sum += 2 * Autocovariance(differentials, mean, k);
        }

        return sum / n;
    }

    private static double Autocovariance(double[] differentials, double mean, int lag)
    {
        var sum = 0.0;
        for (var t = lag; t < differentials.Length; t++)
        {
            sum += (differentials[t] - mean) * (differentials[t - lag] - mean);
        }

        return sum / differentials.Length;
    }
}
