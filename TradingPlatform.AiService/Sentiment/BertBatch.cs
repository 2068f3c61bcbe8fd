using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// A BERT model's three int64 inputs for one session run, [rows, length] row-major: token ids padded with the padding
/// id to the longest row, the attention mask (1 for a token, 0 for padding) and token type ids (all 0: one segment).
/// </summary>
internal sealed class BertBatch
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";

    private BertBatch(long[] ids, long[] mask, long[] types, int rows, int length)
    {
        Ids = ids;
        Mask = mask;
        Types = types;
        Rows = rows;
        Length = length;
    }

    public long[] Ids { get; }

    public long[] Mask { get; }

    public long[] Types { get; }

    public int Rows { get; }

    /// <summary>The sequence length: the longest row's token count.</summary>
    public int Length { get; }

    public static BertBatch Create(IReadOnlyList<IReadOnlyList<int>> rows, int paddingId)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var length = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var ids = new long[rows.Count * length];
        var mask = new long[rows.Count * length];
        var types = new long[rows.Count * length];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var t = 0; t < length; t++)
            {
                var at = (r * length) + t;
                ids[at] = t < row.Count ? row[t] : paddingId;
                mask[at] = t < row.Count ? 1 : 0;
            }
        }

        return new BertBatch(ids, mask, types, rows.Count, length);
    }

    /// <summary>The three inputs, named as BERT exports name them.</summary>
    public NamedOnnxValue[] ToInputs()
    {
        int[] shape = [Rows, Length];
        return
        [
            NamedOnnxValue.CreateFromTensor(InputIds, new DenseTensor<long>(Ids, shape)),
            NamedOnnxValue.CreateFromTensor(AttentionMask, new DenseTensor<long>(Mask, shape)),
            NamedOnnxValue.CreateFromTensor(TokenTypeIds, new DenseTensor<long>(Types, shape)),
        ];
    }
}
