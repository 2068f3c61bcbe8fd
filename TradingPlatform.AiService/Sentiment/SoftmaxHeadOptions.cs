namespace TradingPlatform.AiService.Sentiment;

/// <summary>How <see cref="SoftmaxHead.Train"/> fits: mini-batch gradient descent on the mean cross-entropy plus L2.</summary>
public sealed record SoftmaxHeadOptions
{
    public int Epochs { get; init; } = 60;

    public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 0.05;

    /// <summary>λ of the penalty λ/2 ‖W‖² (the biases are not penalised).</summary>
    public double L2 { get; init; } = 0.01;

    /// <summary>Seeds the order of the examples in each epoch: the same seed and data give the same weights.</summary>
    public int Seed { get; init; } = 20_251_125;
}
