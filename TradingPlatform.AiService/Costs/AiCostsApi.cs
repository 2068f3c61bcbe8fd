using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Security;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// The metered calls' statistics: an admin's cover every user (and the anonymous and internal calls), anyone else's
/// only their own. <c>from</c> and <c>to</c> (aliases <c>from_date</c> and <c>to_date</c>) are ISO-8601 dates or
/// times, UTC; a date alone for <c>to</c> includes that whole day. The default is the last 30 days; at most 366.
/// </summary>
public static class AiCostsApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static IEndpointRouteBuilder MapAiCostsApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var prefix in new[] { "/api/ai/cost", "/ai/cost" })
        {
            var group = endpoints.MapGroup(prefix).RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("AI costs");
            group.MapGet("/statistics", StatisticsAsync).WithName(prefix == "/api/ai/cost" ? "GetAiCostStatistics" : "GetAiCostStatisticsSeedPath")
                .WithSummary("The AI calls' requests, units, cost and latency over a date range, in total and by model, feature and UTC day.");
        }

        return endpoints;
    }

    private static async Task<Results<Ok<AiCostStatistics>, ValidationProblem>> StatisticsAsync(
        HttpRequest request, ClaimsPrincipal user, AiDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow();
        var (fromField, fromText) = Read(query, "from", "from_date");
        var (toField, toText) = Read(query, "to", "to_date");
        var to = now;
        var from = now.AddDays(-DefaultDays);
        if (toText is not null)
        {
            if (Parse(toText, endOfDay: true) is { } parsed)
            {
                to = parsed;
            }
            else
            {
                errors[toField] = [$"{toField} '{toText}' is not an ISO-8601 date or time."];
            }
        }

        if (fromText is not null)
        {
            if (Parse(fromText, endOfDay: false) is { } parsed)
            {
                from = parsed;
            }
            else
            {
                errors[fromField] = [$"{fromField} '{fromText}' is not an ISO-8601 date or time."];
            }
        }
        else if (toText is not null)
        {
            from = to.AddDays(-DefaultDays);
        }

        if (errors.Count == 0 && from >= to)
        {
            errors[fromField] = [$"{fromField} must be before {toField} (a date alone for {toField} includes that day)."];
        }
        else if (errors.Count == 0 && to - from > TimeSpan.FromDays(MaxDays))
        {
            errors[toField] = [$"The range is {(to - from).TotalDays:0.##} days; at most {MaxDays}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The date range is not valid.");
        }

        var records = db.AiCallRecords.AsNoTracking().Where(r => r.RecordedAt >= from && r.RecordedAt < to);
        if (!user.IsAdmin())
        {
            var owner = user.FindFirstValue(AccessTokenValidation.SubjectClaim);
            records = records.Where(r => r.UserId == owner);
        }

        // One grouped query; the breakdowns are its roll-ups.
        var rows = (await records
            .GroupBy(r => new { r.Feature, r.Model, r.ModelVersion, Day = r.RecordedOn })
            .Select(g => new Row(g.Key.Feature, g.Key.Model + " " + g.Key.ModelVersion, g.Key.Day, g.LongCount(), g.Sum(r => r.InputUnits), g.Sum(r => r.OutputUnits),
                g.Sum(r => r.CostUsd), g.Sum(r => r.LatencyMs)))
            .ToListAsync(cancellationToken));
        var total = Roll("total", rows);
        return TypedResults.Ok(new AiCostStatistics(from, to, total.Requests, total.InputUnits, total.OutputUnits, total.CostUsd, total.MeanLatencyMs,
            By(rows, r => r.Model), By(rows, r => r.Feature), By(rows, r => r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    private sealed record Row(string Feature, string Model, DateOnly Day, long Requests, long InputUnits, long OutputUnits, decimal CostUsd, double LatencyMs);

    private static List<AiCostBreakdown> By(List<Row> rows, Func<Row, string> key) =>
        rows.GroupBy(key).Select(g => Roll(g.Key, g.ToList())).OrderBy(b => b.Key, StringComparer.Ordinal).ToList();

    private static AiCostBreakdown Roll(string key, List<Row> rows)
    {
        var requests = rows.Sum(r => r.Requests);
        return new AiCostBreakdown(key, requests, rows.Sum(r => r.InputUnits), rows.Sum(r => r.OutputUnits), rows.Sum(r => r.CostUsd),
            requests == 0 ? 0 : rows.Sum(r => r.LatencyMs) / requests);
    }

    private static (string Field, string? Text) Read(IQueryCollection query, string name, string alias) =>
        query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? (name, value.ToString())
        : query.TryGetValue(alias, out var aliased) && !string.IsNullOrWhiteSpace(aliased) ? (alias, aliased.ToString())
        : (name, null);

    private static DateTimeOffset? Parse(string text, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }
}
