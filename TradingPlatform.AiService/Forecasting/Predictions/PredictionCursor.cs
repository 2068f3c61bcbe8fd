using TradingPlatform.ServiceDefaults.Paging;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>The opaque position in a caller's predictions, ordered by (issued-at desc, id desc): the last prediction a page returned.</summary>
public readonly record struct PredictionCursor(DateTimeOffset IssuedAt, PredictionId Id)
{
    public string Encode() => TimeIdCursor.Encode(IssuedAt, Id.Value);

    public static bool TryDecode(string? text, out PredictionCursor cursor)
    {
        var valid = TimeIdCursor.TryDecode(text, out var time, out var id);
        cursor = valid ? new PredictionCursor(time, new PredictionId(id)) : default;
        return valid;
    }
}
