namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// Multinomial logistic regression over sentence embeddings, fitted by our own code: each feature is standardised
/// with the training set's mean and standard deviation, then logits = W x + b for the three classes and softmax.
/// <see cref="Train"/> runs mini-batch gradient descent on the mean cross-entropy with an L2 penalty on W, visiting
/// the examples in an order drawn from a seeded <see cref="Random"/>; everything is in double and sequential, so the
/// same seed and data give bit-identical weights.
/// </summary>
public sealed class SoftmaxHead
{
    public const int Classes = 3;

    private readonly double[] _mean;
    private readonly double[] _scale;

    private SoftmaxHead(double[] mean, double[] scale, double[,] weights, double[] bias)
    {
        _mean = mean;
        _scale = scale;
        Weights = weights;
        Bias = bias;
    }

    /// <summary>[class, feature], over standardised features.</summary>
    public double[,] Weights { get; }

    public double[] Bias { get; }

    public int Features => _mean.Length;

    public static SoftmaxHead Train(IReadOnlyList<float[]> inputs, IReadOnlyList<SentimentLabel> labels, SoftmaxHeadOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        if (inputs.Count == 0 || inputs.Count != labels.Count)
        {
            throw new ArgumentException("The head needs at least one example and one label per example.", nameof(labels));
        }

        var features = inputs[0].Length;
        var (mean, scale) = Standardisation(inputs, features);
        var x = inputs.Select(row => Standardise(row, mean, scale)).ToArray();
        var weights = new double[Classes, features];
        var bias = new double[Classes];
        var gradW = new double[Classes, features];
        var gradB = new double[Classes];
        var order = Enumerable.Range(0, x.Length).ToArray();
        var random = new Random(options.Seed);
        var logits = new double[Classes];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var end = Math.Min(start + options.BatchSize, order.Length);
                Array.Clear(gradW);
                Array.Clear(gradB);
                for (var i = start; i < end; i++)
                {
                    var row = x[order[i]];
                    Logits(weights, bias, row, logits);
                    Softmax(logits);
                    var label = (int)labels[order[i]];
                    for (var c = 0; c < Classes; c++)
                    {
                        var error = logits[c] - (c == label ? 1 : 0);
                        gradB[c] += error;
                        for (var f = 0; f < features; f++)
                        {
                            gradW[c, f] += error * row[f];
                        }
                    }
                }

                var n = end - start;
                for (var c = 0; c < Classes; c++)
                {
                    bias[c] -= options.LearningRate * gradB[c] / n;
                    for (var f = 0; f < features; f++)
                    {
                        weights[c, f] -= options.LearningRate * ((gradW[c, f] / n) + (options.L2 * weights[c, f]));
                    }
                }
            }
        }

        return new SoftmaxHead(mean, scale, weights, bias);
    }

    public SentimentProbabilities Predict(float[] embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        if (embedding.Length != Features)
        {
            throw new ArgumentException($"The head takes {Features} features, not {embedding.Length}.", nameof(embedding));
        }

        var logits = new double[Classes];
        Logits(Weights, Bias, Standardise(embedding, _mean, _scale), logits);
        return SentimentProbabilities.FromLogits(logits[0], logits[1], logits[2]);
    }

    private static (double[] Mean, double[] Scale) Standardisation(IReadOnlyList<float[]> inputs, int features)
    {
        var mean = new double[features];
        var scale = new double[features];
        foreach (var row in inputs)
        {
            for (var f = 0; f < features; f++)
            {
                mean[f] += row[f];
            }
        }

        for (var f = 0; f < features; f++)
        {
            mean[f] /= inputs.Count;
        }

        foreach (var row in inputs)
        {
            for (var f = 0; f < features; f++)
            {
                scale[f] += (row[f] - mean[f]) * (row[f] - mean[f]);
            }
        }

        for (var f = 0; f < features; f++)
        {
            scale[f] = Math.Max(Math.Sqrt(scale[f] / inputs.Count), 1e-8);
        }

        return (mean, scale);
    }

    private static double[] Standardise(float[] row, double[] mean, double[] scale)
    {
        var x = new double[row.Length];
        for (var f = 0; f < row.Length; f++)
        {
            x[f] = (row[f] - mean[f]) / scale[f];
        }

        return x;
    }

    private static void Logits(double[,] weights, double[] bias, double[] x, double[] logits)
    {
        for (var c = 0; c < Classes; c++)
        {
            var sum = bias[c];
            for (var f = 0; f < x.Length; f++)
            {
                sum += weights[c, f] * x[f];
            }

            logits[c] = sum;
        }
    }

    private static void Softmax(double[] logits)
    {
        var max = logits.Max();
        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = Math.Exp(logits[c] - max);
            sum += logits[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] /= sum;
        }
    }
}
