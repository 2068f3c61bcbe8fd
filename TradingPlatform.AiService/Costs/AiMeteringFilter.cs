using System.Diagnostics;
using System.Security.Claims;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// Meters an endpoint as <see cref="Feature"/>: refuses with 429 (<see cref="AiBudget"/>: the budget, the spend, and the
/// reset at the next 00:00 UTC, also as <c>Retry-After</c>) once the feature's spend today reached its daily budget, and records each
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
        if (await AiBudget.RefusalAsync(Feature, context.HttpContext) is { } refusal)
        {
            return refusal;
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
