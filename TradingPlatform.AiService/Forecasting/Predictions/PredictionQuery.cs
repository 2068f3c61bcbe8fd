using System.Globalization;
using System.Text.RegularExpressions;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// The filters and page of <c>GET /api/predictions</c> and <c>/api/predictions/scores</c>, read from the query string
/// and checked: <c>limit</c> 1 to <see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>), <c>cursor</c> one this API
/// returned, <c>symbol</c> a symbol's format (letters, digits, <c>. _ / -</c>, at most 32), <c>model</c> a registry
/// name's (<c>nbeats-{symbol}-{interval}</c>, at most 80).
/// </summary>
public sealed partial record PredictionQuery(string? Symbol, string? Model, int Limit, PredictionCursor? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static (PredictionQuery? Query, Dictionary<string, string[]> Errors) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? symbol = null, model = null;
        var limit = DefaultLimit;
        PredictionCursor? after = null;
        if (query.TryGetValue("symbol", out var symbolText))
        {
            symbol = symbolText.ToString().Trim().ToUpperInvariant();
            if (!SymbolFormat().IsMatch(symbol))
            {
                errors["symbol"] = [$"symbol '{symbolText}' is not a symbol: letters, digits and . _ / -, at most 32."];
            }
        }

        if (query.TryGetValue("model", out var modelText))
        {
            model = modelText.ToString().Trim();
            if (!ModelFormat().IsMatch(model))
            {
                errors["model"] = [$"model '{modelText}' is not a model name such as nbeats-BTCUSD-1m."];
            }
        }

        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        }

        if (query.TryGetValue("cursor", out var cursorText))
        {
            if (PredictionCursor.TryDecode(cursorText.ToString(), out var decoded))
            {
                after = decoded;
            }
            else
            {
                errors["cursor"] = ["The cursor is not one this API returned."];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new PredictionQuery(symbol, model, limit, after), errors);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolFormat();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelFormat();
}
