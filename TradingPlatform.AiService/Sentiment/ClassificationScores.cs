namespace TradingPlatform.AiService.Sentiment;

/// <summary>Accuracy and macro-F1 (the unweighted mean of the three classes' F1) of predictions against labels.</summary>
public sealed record ClassificationScores(double Accuracy, double MacroF1, int Count)
{
    public static ClassificationScores Compute(IReadOnlyList<SentimentLabel> predicted, IReadOnlyList<SentimentLabel> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Count != actual.Count || actual.Count == 0)
        {
            throw new ArgumentException("Scores need one prediction per label, and at least one.", nameof(predicted));
        }

        var correct = 0;
        var f1 = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            correct += predicted[i] == actual[i] ? 1 : 0;
        }

        foreach (var label in Enum.GetValues<SentimentLabel>())
        {
            var truePositives = 0;
            var predictedCount = 0;
            var actualCount = 0;
            for (var i = 0; i < actual.Count; i++)
            {
                predictedCount += predicted[i] == label ? 1 : 0;
                actualCount += actual[i] == label ? 1 : 0;
                truePositives += predicted[i] == label && actual[i] == label ? 1 : 0;
            }

            // F1 = 2TP / (predicted + actual); a class that is neither predicted nor present scores 0.
            f1 += predictedCount + actualCount == 0 ? 0 : 2.0 * truePositives / (predictedCount + actualCount);
        }

        return new ClassificationScores((double)correct / actual.Count, f1 / 3, actual.Count);
    }
}
