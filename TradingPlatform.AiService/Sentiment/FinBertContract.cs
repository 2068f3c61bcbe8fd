using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// What a FinBERT ONNX export must look like for <see cref="FinBertSentimentModel"/>: the three BERT inputs, int64
/// [batch, sequence], and one float output [batch, 3] of logits in FinBERT's order (positive, negative, neutral).
/// <see cref="Problems"/> lists every way a session differs, so that a refusal names all of them at once.
/// </summary>
public static class FinBertContract
{
    public const string Expected =
        "inputs input_ids, attention_mask and token_type_ids (int64 [batch, sequence]) and one output of logits " +
        "(float [batch, 3], in FinBERT's order positive, negative, neutral)";

    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, NodeMetadata> inputs, IReadOnlyDictionary<string, NodeMetadata> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var problems = new List<string>();
        string[] expected = [BertBatch.InputIds, BertBatch.AttentionMask, BertBatch.TokenTypeIds];
        foreach (var name in expected)
        {
            if (!inputs.TryGetValue(name, out var input))
            {
                problems.Add($"no input {name}");
            }
            else if (input.ElementDataType != TensorElementType.Int64 || input.Dimensions.Length != 2)
            {
                problems.Add($"input {name} is {Describe(input)}, not int64 [batch, sequence]");
            }
        }

        foreach (var name in inputs.Keys.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            problems.Add($"an unexpected input {name}");
        }

        if (outputs.Count != 1)
        {
            problems.Add($"{outputs.Count} outputs ({string.Join(", ", outputs.Keys)}), not one");
        }
        else
        {
            var (name, output) = outputs.Single();
            if (output.ElementDataType != TensorElementType.Float || output.Dimensions.Length != 2 || output.Dimensions[1] != SoftmaxHead.Classes)
            {
                problems.Add($"output {name} is {Describe(output)}, not float [batch, 3]");
            }
        }

        return problems;
    }

    private static string Describe(NodeMetadata node) =>
        node.IsTensor
            ? $"{node.ElementDataType.ToString().ToLowerInvariant()} [{string.Join(", ", node.Dimensions.Select((d, i) => d < 0 ? (node.SymbolicDimensions.ElementAtOrDefault(i) is { Length: > 0 } s ? s : "?") : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]"
            : node.OnnxValueType.ToString();
}
