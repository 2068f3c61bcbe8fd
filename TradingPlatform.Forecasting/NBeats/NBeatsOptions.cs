namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The shape of an N-BEATS network (Oreshkin et al., ICLR 2020) and the seed of its initial weights. Every property is
/// checked when it is set: a value out of range throws an <see cref="ArgumentOutOfRangeException"/> naming the option.
/// The defaults are far smaller than the paper's (N-BEATS-G: 30 stacks of 1 block, 4 layers of 512 units; N-BEATS-I:
/// 256 and 2048 units) so that training in double precision on a CPU takes seconds, not hours.
/// </summary>
public sealed record NBeatsOptions
{
    /// <summary>L: how many past prices a block reads (the backcast length). At least 2.</summary>
    public required int Lookback
    {
        get;
        init => field = OptionChecks.AtLeast(value, 2, nameof(Lookback), "the input window in prices");
    }

    /// <summary>H: how many future prices the network forecasts. At least 1.</summary>
    public required int Horizon
    {
        get;
        init => field = OptionChecks.AtLeast(value, 1, nameof(Horizon), "the forecast length in prices");
    }

    public NBeatsStackType StackType
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(StackType), value, $"{nameof(StackType)} {value} is not an N-BEATS stack type.");
    } = NBeatsStackType.Generic;

    /// <summary>Generic only: the number of stacks.</summary>
    public int Stacks { get; init => field = OptionChecks.AtLeast(value, 1, nameof(Stacks), "generic stacks"); } = 2;

    /// <summary>Generic only: the blocks in each stack.</summary>
    public int BlocksPerStack { get; init => field = OptionChecks.AtLeast(value, 1, nameof(BlocksPerStack), "blocks in each generic stack"); } = 2;

    /// <summary>Generic only: the fully connected ReLU layers of each block before its θ heads.</summary>
    public int LayersPerBlock { get; init => field = OptionChecks.AtLeast(value, 1, nameof(LayersPerBlock), "fully connected layers in each generic block"); } = 4;

    /// <summary>Generic only: the width of each fully connected layer.</summary>
    public int HiddenUnits { get; init => field = OptionChecks.AtLeast(value, 1, nameof(HiddenUnits), "units in each generic layer"); } = 64;

    /// <summary>Interpretable only: the blocks of the trend stack (the paper's 3).</summary>
    public int TrendBlocks { get; init => field = OptionChecks.AtLeast(value, 1, nameof(TrendBlocks), "blocks in the trend stack"); } = 3;

    /// <summary>Interpretable only: the fully connected layers of each trend block (the paper's 4).</summary>
    public int TrendLayers { get; init => field = OptionChecks.AtLeast(value, 1, nameof(TrendLayers), "fully connected layers in each trend block"); } = 4;

    /// <summary>Interpretable only: the width of the trend blocks' layers.</summary>
    public int TrendHiddenUnits { get; init => field = OptionChecks.AtLeast(value, 1, nameof(TrendHiddenUnits), "units in each trend layer"); } = 64;

    /// <summary>Interpretable only: p, the degree of the trend polynomial (θ has p + 1 coefficients; the paper uses 2 or 3).</summary>
    public int TrendDegree { get; init => field = OptionChecks.AtLeast(value, 0, nameof(TrendDegree), "the degree of the trend polynomial"); } = 3;

    /// <summary>Interpretable only: the blocks of the seasonality stack (the paper's 3).</summary>
    public int SeasonalityBlocks { get; init => field = OptionChecks.AtLeast(value, 1, nameof(SeasonalityBlocks), "blocks in the seasonality stack"); } = 3;

    /// <summary>Interpretable only: the fully connected layers of each seasonality block (the paper's 4).</summary>
    public int SeasonalityLayers { get; init => field = OptionChecks.AtLeast(value, 1, nameof(SeasonalityLayers), "fully connected layers in each seasonality block"); } = 4;

    /// <summary>Interpretable only: the width of the seasonality blocks' layers.</summary>
    public int SeasonalityHiddenUnits { get; init => field = OptionChecks.AtLeast(value, 1, nameof(SeasonalityHiddenUnits), "units in each seasonality layer"); } = 64;

    /// <summary>
    /// Interpretable only: K, the highest harmonic of the Fourier basis (θ has 2K + 1 coefficients: cos for k = 0..K,
    /// sin for k = 1..K). Null takes the paper's ⌊H/2⌋ − 1, at least 1: <see cref="EffectiveSeasonalityHarmonics"/>.
    /// </summary>
    public int? SeasonalityHarmonics
    {
        get;
        init => field = value is null ? null : OptionChecks.AtLeast(value.Value, 1, nameof(SeasonalityHarmonics), "the highest Fourier harmonic");
    }

    /// <summary>The K the seasonality basis uses: <see cref="SeasonalityHarmonics"/>, else max(1, ⌊H/2⌋ − 1).</summary>
    public int EffectiveSeasonalityHarmonics => SeasonalityHarmonics ?? Math.Max(1, (Horizon / 2) - 1);

    /// <summary>
    /// When true, all blocks of a stack are one block applied several times (one set of weights per stack, its
    /// gradient the sum over the applications), as the paper does for N-BEATS-I. Off by default for both types.
    /// </summary>
    public bool ShareWeightsInStack { get; init; }

    /// <summary>The seed of the initial weights (and, in training, of the batch shuffle): equal seeds give equal weights, bit for bit.</summary>
    public int Seed { get; init; }
}
