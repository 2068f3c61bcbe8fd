using System.Globalization;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market.Candles;

/// <summary>A validated candle request: interval (default 1m), limit (1 to 1,000, default 100), optional inclusive range.</summary>
public sealed record CandleQuery(CandleInterval Interval, int Limit, DateTimeOffset? Start, DateTimeOffset? End)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Parses the query string; every bad field is reported at once as a 422 with field details.</summary>
    public static CandleQuery Parse(
        string intervalField, string? interval, string limitField, string? limit,
        string startField, string? start, string endField, string? end)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsedInterval = CandleInterval.OneMinute;
        if (interval is not null)
        {
            if (CandleInterval.TryParse(interval, out var chosen))
            {
                parsedInterval = chosen.Value;
            }
            else
            {
                errors[intervalField] = [$"{intervalField} must be one of {CandleInterval.Codes}."];
            }
        }

        var parsedLimit = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsedLimit) || parsedLimit is < 1 or > MaxLimit))
        {
            errors[limitField] = [$"{limitField} must be a whole number from 1 to {MaxLimit}."];
        }

        var parsedStart = ParseTime(startField, start, errors);
        var parsedEnd = ParseTime(endField, end, errors);
        if (parsedStart is { } s && parsedEnd is { } e && s > e)
        {
            errors[startField] = [$"{startField} must not be after {endField}."];
        }

        if (errors.Count > 0)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation,
                string.Join(" ", errors.Values.SelectMany(v => v)), errors);
        }

        return new CandleQuery(parsedInterval, parsedLimit, parsedStart, parsedEnd);
    }

    /// <summary>ISO-8601 with an offset or Z (UTC assumed without one), or Unix milliseconds.</summary>
    public static DateTimeOffset? ParseTime(string field, string? value, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds < 253402300800000)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        errors[field] = [$"{field} must be an ISO-8601 timestamp (e.g. 2026-01-31T14:00:00Z) or Unix milliseconds."];
        return null;
    }
}
