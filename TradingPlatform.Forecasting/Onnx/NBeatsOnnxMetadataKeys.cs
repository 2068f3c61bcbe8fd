namespace TradingPlatform.Forecasting.Onnx;

/// <summary>
/// The <c>metadata_props</c> keys of an exported N-BEATS model, and their fixed values, so that the service that
/// loads a model can check what it reads (window length, horizon, how the input is scaled) against what it feeds,
/// instead of trusting a file name. All values are strings, as ONNX requires.
/// </summary>
public static class NBeatsOnnxMetadataKeys
{
    /// <summary>L, the prices one input row holds (invariant digits).</summary>
    public const string Lookback = "lookback";

    /// <summary>H, the prices one output row holds (invariant digits).</summary>
    public const string Horizon = "horizon";

    /// <summary>The <see cref="NBeats.NBeatsStackType"/> name: <c>Generic</c> or <c>Interpretable</c>.</summary>
    public const string StackType = "stack_type";

    /// <summary><c>true</c> when each stack applies one block several times (<see cref="NBeats.NBeatsOptions.ShareWeightsInStack"/>), else <c>false</c>.</summary>
    public const string SharedWeights = "shared_weights";

    /// <summary>How the graph scales its input: always <see cref="LastInputNormalization"/>.</summary>
    public const string Normalization = "normalization";

    /// <summary>
    /// The value of <see cref="Normalization"/>: the graph takes raw prices, divides each row by its last price and
    /// multiplies the forecast back by it, as <see cref="NBeats.NBeatsForecaster"/> does.
    /// </summary>
    public const string LastInputNormalization = "divide_by_last_input";

    /// <summary><see cref="NBeatsOnnxMetadata.Name"/>, present only when given.</summary>
    public const string ModelName = "model_name";

    /// <summary><see cref="NBeatsOnnxMetadata.Version"/> in invariant digits, present only when given.</summary>
    public const string ModelVersion = "model_version";
}
