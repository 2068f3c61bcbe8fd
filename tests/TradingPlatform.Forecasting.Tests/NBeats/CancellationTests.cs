using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>Cancellation stops training between mini-batches.</summary>
public sealed class CancellationTests
{
    private static readonly NBeatsOptions Options = new() { Lookback = 10, Horizon = 3, Stacks = 1, BlocksPerStack = 1, LayersPerBlock = 1, HiddenUnits = 8 };

    [Fact]
    public void A_token_cancelled_before_the_start_trains_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var epochs = new InlineProgress<NBeatsEpoch>();
        Assert.Throws<OperationCanceledException>(() =>
            NBeatsTrainer.Train(SyntheticSeries.SineWithTrend(200), Options, new NBeatsTrainingOptions(), epochs, cancellation.Token));
        Assert.Empty(epochs.Reports);
    }

    [Fact]
    public void Cancelling_after_the_first_epoch_stops_before_the_second()
    {
        using var cancellation = new CancellationTokenSource();
        var epochs = new InlineProgress<NBeatsEpoch>(_ => cancellation.Cancel());
        Assert.Throws<OperationCanceledException>(() =>
            NBeatsTrainer.Train(SyntheticSeries.SineWithTrend(200), Options, new NBeatsTrainingOptions { MaxEpochs = 50 }, epochs, cancellation.Token));
        Assert.Equal([1], epochs.Reports.Select(epoch => epoch.Epoch));
    }
}
