using System.Text.RegularExpressions;
using TradingPlatform.Forecasting.NBeats;

namespace TradingPlatform.AiService.Training;

/// <summary>
/// <c>POST /api/training/start</c> (seed 003): what to forecast (symbol, interval, lookback, horizon), the network
/// (stack type and its sizes), the training (epochs, batch, learning rate, patience, validation share, seed) and the
/// data range (all stored bars when absent, the last <see cref="TrainingOptions.MaxBars"/> at most). Absent numbers take
/// the defaults below. <see cref="ForceActivation"/> (admins only) activates the model whatever its evaluation says.
/// </summary>
public sealed partial record TrainingRequest
{
    public static readonly string[] Intervals = ["1m", "5m", "15m", "1h", "4h", "1d"];

    public string? Symbol { get; init; }

    public string? Interval { get; init; } = "1m";

    public int? Lookback { get; init; }

    public int? Horizon { get; init; }

    /// <summary><c>generic</c> (default) or <c>interpretable</c> (trend and seasonality stacks).</summary>
    public string? StackType { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public int? Stacks { get; init; }

    public int? BlocksPerStack { get; init; }

    public int? LayersPerBlock { get; init; }

    public int? HiddenUnits { get; init; }

    public int? MaxEpochs { get; init; }

    public int? BatchSize { get; init; }

    public double? LearningRate { get; init; }

    public int? Patience { get; init; }

    public double? ValidationFraction { get; init; }

    public int? Seed { get; init; }

    public bool ForceActivation { get; init; }

    public string NormalizedSymbol => Symbol!.Trim().ToUpperInvariant();

    public NBeatsStackType Stack => string.Equals(StackType, "interpretable", StringComparison.OrdinalIgnoreCase) ? NBeatsStackType.Interpretable : NBeatsStackType.Generic;

    /// <summary>The field errors of the request (empty when it is valid), each with a message that says what is allowed.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }

        Check(Symbol is { } symbol && SymbolPattern().IsMatch(symbol.Trim()), "symbol", "symbol is required: 1 to 32 letters, digits, '.', '-' or '_'.");
        Check(Interval is { } interval && Intervals.Contains(interval, StringComparer.Ordinal), "interval", $"interval must be one of: {string.Join(", ", Intervals)}.");
        Check(Lookback is null or (>= 2 and <= 512), "lookback", "lookback must be between 2 and 512 bars.");
        Check(Horizon is null or (>= 1 and <= 128), "horizon", "horizon must be between 1 and 128 bars.");
        Check(StackType is null || StackType.Equals("generic", StringComparison.OrdinalIgnoreCase) || StackType.Equals("interpretable", StringComparison.OrdinalIgnoreCase),
            "stackType", "stackType must be generic or interpretable.");
        Check(Start is null || End is null || End > Start, "end", "end must be after start.");
        Check(Stacks is null or (>= 1 and <= 8), "stacks", "stacks must be between 1 and 8.");
        Check(BlocksPerStack is null or (>= 1 and <= 8), "blocksPerStack", "blocksPerStack must be between 1 and 8.");
        Check(LayersPerBlock is null or (>= 1 and <= 8), "layersPerBlock", "layersPerBlock must be between 1 and 8.");
        Check(HiddenUnits is null or (>= 1 and <= 512), "hiddenUnits", "hiddenUnits must be between 1 and 512.");
        Check(MaxEpochs is null or (>= 1 and <= 500), "maxEpochs", "maxEpochs must be between 1 and 500.");
        Check(BatchSize is null or (>= 1 and <= 4096), "batchSize", "batchSize must be between 1 and 4096.");
        Check(LearningRate is null || (double.IsFinite(LearningRate.Value) && LearningRate > 0 && LearningRate <= 1), "learningRate", "learningRate must be above 0 and at most 1.");
        Check(Patience is null or (>= 1 and <= 100), "patience", "patience must be between 1 and 100 epochs.");
        Check(ValidationFraction is null || (double.IsFinite(ValidationFraction.Value) && ValidationFraction >= 0.05 && ValidationFraction <= 0.5),
            "validationFraction", "validationFraction must be between 0.05 and 0.5.");
        return errors;
    }

    /// <summary>The network, with the request's sizes; an interpretable network takes the generic sizes for both of its stacks.</summary>
    public NBeatsOptions NetworkOptions() => Stack == NBeatsStackType.Generic
        ? new NBeatsOptions
        {
            Lookback = Lookback ?? 60, Horizon = Horizon ?? 10, StackType = NBeatsStackType.Generic, Stacks = Stacks ?? 2, BlocksPerStack = BlocksPerStack ?? 2,
            LayersPerBlock = LayersPerBlock ?? 2, HiddenUnits = HiddenUnits ?? 64, Seed = Seed ?? 42,
        }
        : new NBeatsOptions
        {
            Lookback = Lookback ?? 60, Horizon = Horizon ?? 10, StackType = NBeatsStackType.Interpretable,
            TrendBlocks = BlocksPerStack ?? 2, TrendLayers = LayersPerBlock ?? 2, TrendHiddenUnits = HiddenUnits ?? 64,
            SeasonalityBlocks = BlocksPerStack ?? 2, SeasonalityLayers = LayersPerBlock ?? 2, SeasonalityHiddenUnits = HiddenUnits ?? 64,
            ShareWeightsInStack = true, Seed = Seed ?? 42,
        };

    public NBeatsTrainingOptions TrainingOptions() => new()
    {
        MaxEpochs = MaxEpochs ?? 50, BatchSize = BatchSize ?? 64, LearningRate = LearningRate ?? 1e-3, Patience = Patience ?? 5,
        ValidationFraction = ValidationFraction ?? 0.2, GradientClipNorm = 1.0,
    };

    /// <summary>The seasonal naive's season for the interval: an hour of minutes, a day of hours, a week of days.</summary>
    public int Season => Interval switch
    {
        "1m" => 60,
        "5m" => 12,
        "15m" => 4,
        "1h" => 24,
        "4h" => 6,
        _ => 5,
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex SymbolPattern();
}
