namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// Fits an N-BEATS network to one price series. The series is cut into sliding windows (L prices in, the next H
/// out), each divided by its last input price; the windows are split chronologically (<see cref="WindowSplit"/>:
/// validation at the end, H − 1 windows dropped between so that no validation target is trained on). Each epoch
/// shuffles the training windows (a <see cref="Random"/> seeded with <see cref="NBeatsOptions.Seed"/>), takes one Adam
/// step per mini-batch, then measures the loss over all validation windows; training stops after
/// <see cref="NBeatsTrainingOptions.Patience"/> epochs without a new best, or at
/// <see cref="NBeatsTrainingOptions.MaxEpochs"/>, and the network keeps the best epoch's weights. Single-threaded, so
/// the same seed and series give the same weights and losses, bit for bit, on a given machine.
/// </summary>
public static class NBeatsTrainer
{
    /// <param name="prices">The series, oldest first; every price finite and above 0.</param>
    /// <param name="progress">Told each epoch's losses as soon as the epoch ends, on the training thread.</param>
    /// <param name="cancellationToken">Checked before every mini-batch; cancelling throws <see cref="OperationCanceledException"/>.</param>
    public static NBeatsTrainingResult Train(ReadOnlySpan<double> prices, NBeatsOptions options, NBeatsTrainingOptions training,
        IProgress<NBeatsEpoch>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(training);
        PriceSeries.ThrowIfInvalid(prices, nameof(prices));
        var split = WindowSplit.Create(prices.Length, options.Lookback, options.Horizon, training.ValidationFraction, nameof(prices));
        var trainingWindows = NormalizedWindows.Create(prices, 0, split.TrainingCount, options.Lookback, options.Horizon);
        var validationWindows = NormalizedWindows.Create(prices, split.ValidationStart, split.ValidationCount, options.Lookback, options.Horizon);
        return Fit(new NBeatsNetwork(options), trainingWindows, validationWindows, training, progress, cancellationToken);
    }

    /// <summary>The mean loss of the network over all <paramref name="windows"/>.</summary>
    internal static double Evaluate(NBeatsNetwork network, NormalizedWindows windows, NBeatsLoss loss) =>
        network.ComputeLoss(windows.Inputs, windows.Targets, loss, network.CreateWorkspace());

    internal static NBeatsTrainingResult Fit(NBeatsNetwork network, NormalizedWindows trainingWindows, NormalizedWindows validationWindows,
        NBeatsTrainingOptions training, IProgress<NBeatsEpoch>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lookback = network.Lookback;
        var horizon = network.Horizon;
        var workspace = network.CreateWorkspace();
        var optimizer = new AdamOptimizer(network.Parameters, training.LearningRate, training.GradientClipNorm);
        var shuffle = new Random(network.Options.Seed);
        var order = Enumerable.Range(0, trainingWindows.Count).ToArray();
        var batchSize = Math.Min(training.BatchSize, trainingWindows.Count);
        var batchInputs = new double[batchSize * lookback];
        var batchTargets = new double[batchSize * horizon];
        var best = new ParameterSnapshot(network.Parameters);
        var history = new List<NBeatsEpoch>();
        var bestEpoch = 0;
        var bestLoss = double.PositiveInfinity;
        var stoppedEarly = false;
        for (var epoch = 1; epoch <= training.MaxEpochs; epoch++)
        {
            shuffle.Shuffle(order);
            var lossSum = 0.0;
            for (var start = 0; start < order.Length; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(batchSize, order.Length - start);
                trainingWindows.Gather(order.AsSpan(start, count), batchInputs, batchTargets);
                lossSum += count * network.ComputeLossAndGradients(
                    batchInputs.AsSpan(0, count * lookback), batchTargets.AsSpan(0, count * horizon), training.Loss, workspace);
                optimizer.Step();
            }

            var trainingLoss = lossSum / order.Length;
            var validationLoss = network.ComputeLoss(validationWindows.Inputs, validationWindows.Targets, training.Loss, workspace);
            if (!double.IsFinite(trainingLoss) || !double.IsFinite(validationLoss))
            {
                throw new InvalidOperationException($"Training diverged in epoch {epoch} (training loss {trainingLoss}, validation loss {validationLoss}): lower the learning rate or set a gradient clip norm.");
            }

            var result = new NBeatsEpoch(epoch, trainingLoss, validationLoss);
            history.Add(result);
            progress?.Report(result);
            if (validationLoss < bestLoss)
            {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                best.Capture();
            }
            else if (epoch - bestEpoch >= training.Patience && epoch < training.MaxEpochs)
            {
                stoppedEarly = true;
                break;
            }
        }

        best.Restore();
        return new NBeatsTrainingResult(network, history, bestEpoch, stoppedEarly, trainingWindows.Count, validationWindows.Count);
    }
}
