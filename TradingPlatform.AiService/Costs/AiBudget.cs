using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// The daily budget check, before a metered call: <see cref="AiMeteringFilter"/> runs it for the endpoints it meters,
/// and code that calls a model outside such an endpoint (the project chat, whose stream must be refused before its first
/// byte) runs the same check. The refusal is a 429 with the budget, the spend and the reset at the next 00:00 UTC (also
/// as <c>Retry-After</c>); when even the day's first load of the spend failed, a budgeted feature answers 503 rather
/// than spend blind.
/// </summary>
internal static class AiBudget
{
    /// <summary>The refusal of a call of <paramref name="feature"/> now, or null when it may go ahead.</summary>
    public static async Task<ProblemHttpResult?> RefusalAsync(string feature, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        if (services.GetRequiredService<IOptionsMonitor<AiCostOptions>>().CurrentValue.BudgetOf(feature) is not { } budget)
        {
            return null;
        }

        decimal spent;
        try
        {
            spent = await services.GetRequiredService<AiCallMeter>().Spend.SpentTodayAsync(feature, context.RequestAborted);
        }
        catch (AiSpendUnavailableException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The AI budget cannot be checked.",
                detail: $"{exception.Message} The {feature} feature has a daily budget; try again shortly.");
        }

        if (spent < budget)
        {
            return null;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var resetsAt = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var retryAfter = (long)Math.Ceiling((resetsAt - now).TotalSeconds);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "The daily AI budget is spent.",
            detail: $"The {feature} feature has spent {spent} USD of its daily budget of {budget} USD today (UTC); it resets at {resetsAt:yyyy-MM-ddTHH:mm:ssZ}.",
            extensions: new Dictionary<string, object?>
            {
                ["feature"] = feature, ["budgetUsd"] = budget, ["spentUsd"] = spent, ["resetsAt"] = resetsAt, ["retryAfterSeconds"] = retryAfter,
            });
    }
}
