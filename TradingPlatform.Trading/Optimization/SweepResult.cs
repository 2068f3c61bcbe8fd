namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// A sweep's ranked table (see <see cref="SweepRanking"/>), the grid it came from, how many grid points were skipped as
/// invalid, which backend ran it and anything the caller should know about how exact the figures are.
/// </summary>
public sealed record SweepResult(
    IReadOnlyList<SweepRow> Rows,
    ParameterGrid Grid,
    int TotalCombinations,
    int Skipped,
    SweepObjective Objective,
    SweepConstraints Constraints,
    string Backend,
    TimeSpan Elapsed,
    IReadOnlyList<string> Notes)
{
    /// <summary>The top-ranked combination when it meets the constraints; null when none does (or the grid was empty).</summary>
    public SweepRow? Best => Rows.Count > 0 && Rows[0].Feasible ? Rows[0] : null;

    /// <summary>How many combinations a fast backend handed to the full engine (see <see cref="SweepEvaluator"/>).</summary>
    public int EvaluatedByEngine => Rows.Count(r => r.EvaluatedBy == SweepEvaluator.Engine);
}
