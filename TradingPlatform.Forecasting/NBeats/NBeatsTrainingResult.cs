namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// A finished training: the network with the weights of <see cref="BestEpoch"/> (the lowest validation loss, not the
/// last epoch's), every epoch's losses, and how the series was split.
/// </summary>
public sealed class NBeatsTrainingResult
{
    internal NBeatsTrainingResult(NBeatsNetwork network, IReadOnlyList<NBeatsEpoch> history, int bestEpoch, bool stoppedEarly,
        int trainingWindows, int validationWindows)
    {
        Network = network;
        History = history;
        BestEpoch = bestEpoch;
        StoppedEarly = stoppedEarly;
        TrainingWindows = trainingWindows;
        ValidationWindows = validationWindows;
    }

    public NBeatsNetwork Network { get; }

    public IReadOnlyList<NBeatsEpoch> History { get; }

    /// <summary>The epoch (from 1) whose weights <see cref="Network"/> holds.</summary>
    public int BestEpoch { get; }

    public double BestValidationLoss => History[BestEpoch - 1].ValidationLoss;

    /// <summary>True when training stopped after <see cref="NBeatsTrainingOptions.Patience"/> epochs without improvement, before the last epoch.</summary>
    public bool StoppedEarly { get; }

    public int TrainingWindows { get; }

    public int ValidationWindows { get; }
}
