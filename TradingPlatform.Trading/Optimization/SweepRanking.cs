namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// Orders a sweep's table: combinations that meet the constraints first, then by the objective's score descending (a
/// NaN score after every number), ties broken by the combination's position in the grid, so the same sweep always
/// ranks the same way however its combinations were scheduled.
/// </summary>
public static class SweepRanking
{
    public static IReadOnlyList<SweepRow> Rank(
        IReadOnlyList<ParameterCombination> combinations,
        IReadOnlyList<SweepEvaluation> evaluations,
        SweepObjective objective,
        SweepConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(combinations);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(constraints);
        if (combinations.Count != evaluations.Count)
        {
            throw new ArgumentException($"{combinations.Count} combinations but {evaluations.Count} evaluations.", nameof(evaluations));
        }

        var rows = new List<SweepRow>(combinations.Count);
        for (var i = 0; i < combinations.Count; i++)
        {
            var metrics = evaluations[i].Metrics;
            var value = SweepObjectives.Value(metrics, objective);
            rows.Add(new SweepRow(0, combinations[i], metrics, value, SweepObjectives.Score(value, objective), constraints.IsSatisfiedBy(metrics), evaluations[i].EvaluatedBy));
        }

        rows.Sort(Compare);
        return [.. rows.Select((row, i) => row with { Rank = i + 1 })];
    }

    private static int Compare(SweepRow a, SweepRow b)
    {
        if (a.Feasible != b.Feasible)
        {
            return a.Feasible ? -1 : 1;
        }

        var aNaN = double.IsNaN(a.Score);
        var bNaN = double.IsNaN(b.Score);
        if (aNaN != bNaN)
        {
            return aNaN ? 1 : -1;
        }

        if (!aNaN && a.Score != b.Score)
        {
            return b.Score.CompareTo(a.Score);
        }

        return a.Combination.Index.CompareTo(b.Combination.Index);
    }
}
