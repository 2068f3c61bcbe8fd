using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// Meters an endpoint as <see cref="Feature"/>: refuses with 429 (the budget, the spend, and the reset at the next
/// 00:00 UTC, also as <c>Retry-After</c>) once the feature's spend today reached its daily budget, and records each
/// successful answer's usage with <see cref="AiCallMeter"/>, which writes it in the background (an unrecorded call is
/// logged, and the answer still goes out). The budget check reads today's spend from memory (<see cref="AiDailySpend"/>);
/// when even the day's first load failed, a budgeted feature answers 503 rather than spend blind.
/// </summary>
internal sealed class AiMeteringFilter(string feature) : IEndpointFilter
{
    public string Feature { get; } = feature;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var services = context.HttpContext.RequestServices;
        var meter = services.GetRequiredService<AiCallMeter>();
        var time = services.GetRequiredService<TimeProvider>();
        var ct = context.HttpContext.RequestAborted;
        if (services.GetRequiredService<IOptionsMonitor<AiCostOptions>>().CurrentValue.BudgetOf(Feature) is { } budget)
        {
            decimal spent;
            try
            {
                spent = await meter.Spend.SpentTodayAsync(Feature, ct);
            }
            catch (AiSpendUnavailableException exception)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The AI budget cannot be checked.",
                    detail: $"{exception.Message} The {Feature} feature has a daily budget; try again shortly.");
            }

            if (spent >= budget)
            {
                var now = time.GetUtcNow();
                var resetsAt = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
                var retryAfter = (long)Math.Ceiling((resetsAt - now).TotalSeconds);
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "The daily AI budget is spent.",
                    detail: $"The {Feature} feature has spent {spent} USD of its daily budget of {budget} USD today (UTC); it resets at {resetsAt:yyyy-MM-ddTHH:mm:ssZ}.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["feature"] = Feature, ["budgetUsd"] = budget, ["spentUsd"] = spent, ["resetsAt"] = resetsAt, ["retryAfterSeconds"] = retryAfter,
                    });
            }
        }

        var work = AiWork.Begin();
        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        var latency = Stopwatch.GetElapsedTime(started);
        var value = Unwrap(result);
        var usages = AiUsage.Of(value, work.TokenCount);
        if (usages.Count > 0)
        {
            var user = context.HttpContext.User.FindFirstValue(AccessTokenValidation.SubjectClaim);
            // The device time the call's ONNX runs took, shared among its usages (a batch's models) by what each answered
            // (series no model answered ran nothing).
            var units = Math.Max(1, usages.Sum(u => u.OutputUnits));
            foreach (var usage in usages)
            {
                var deviceSeconds = work.Device.TotalSeconds * usage.OutputUnits / units;
                meter.Record(new AiCall(Feature, usage.Model, usage.ModelVersion, usage.InputUnits, usage.OutputUnits, latency, deviceSeconds,
                    usage.ExecutionProvider, user));
            }
        }

        return result;
    }

    private static object? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IValueHttpResult valued && result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ? valued.Value : null;
    }
}
