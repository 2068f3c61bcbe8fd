namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// How <see cref="NBeatsTrainer"/> fits a network: Adam on shuffled mini-batches, the loss on the windows held out for
/// validation after each epoch, early stopping on that loss. Every property is checked when it is set.
/// </summary>
public sealed record NBeatsTrainingOptions
{
    /// <summary>The most passes over the training windows.</summary>
    public int MaxEpochs { get; init => field = OptionChecks.AtLeast(value, 1, nameof(MaxEpochs), "the most training epochs"); } = 100;

    /// <summary>Windows per Adam step (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init => field = OptionChecks.AtLeast(value, 1, nameof(BatchSize), "windows per mini-batch"); } = 32;

    /// <summary>Adam's step size α.</summary>
    public double LearningRate { get; init => field = OptionChecks.Positive(value, nameof(LearningRate), "Adam's step size"); } = 1e-3;

    /// <summary>When set, the gradient is scaled down to this L2 norm (over all parameters) before a step whenever it is longer.</summary>
    public double? GradientClipNorm
    {
        get;
        init => field = value is null ? null : OptionChecks.Positive(value.Value, nameof(GradientClipNorm), "the largest gradient norm");
    }

    /// <summary>Epochs without a new best validation loss after which training stops (the best weights are kept).</summary>
    public int Patience { get; init => field = OptionChecks.AtLeast(value, 1, nameof(Patience), "epochs without improvement before stopping"); } = 10;

    /// <summary>
    /// The share of the windows held out for validation, at the end of the series (at least one window). Strictly
    /// between 0 and 1.
    /// </summary>
    public double ValidationFraction
    {
        get;
        init => field = double.IsFinite(value) && value > 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ValidationFraction), value, $"{nameof(ValidationFraction)} (the share of windows held out for validation) must lie strictly between 0 and 1; it was {value}.");
    } = 0.2;

    public NBeatsLoss Loss
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Loss), value, $"{nameof(Loss)} {value} is not an N-BEATS loss.");
    } = NBeatsLoss.MeanSquaredError;
}
