namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// A stored prediction's id: a version 7 GUID (time-ordered, so new rows land at the end of the index). Ordered as
/// PostgreSQL orders uuid, because the list's cursor breaks ties of the same issue time by id; the comparison
/// operators let LINQ say <c>p.Id &lt; cursor.Id</c>.
/// </summary>
public readonly record struct PredictionId(Guid Value) : IComparable<PredictionId>
{
    public static PredictionId New(DateTimeOffset issuedAt) => new(Guid.CreateVersion7(issuedAt));

    public int CompareTo(PredictionId other) => Value.CompareTo(other.Value);

    public static bool operator <(PredictionId left, PredictionId right) => left.CompareTo(right) < 0;

    public static bool operator >(PredictionId left, PredictionId right) => left.CompareTo(right) > 0;

    public static bool operator <=(PredictionId left, PredictionId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PredictionId left, PredictionId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value.ToString();
}
