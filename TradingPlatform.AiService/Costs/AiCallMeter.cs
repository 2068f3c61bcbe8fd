using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// Records metered calls (priced from <see cref="AiCostOptions"/>) in a scope of its own, so that a failed write
/// neither fails the caller's request nor touches its context; a failure is logged with the whole record, never
/// dropped silently. Also answers a feature's spend since the start of the UTC day, for the budgets.
/// </summary>
public sealed partial class AiCallMeter(IServiceScopeFactory scopes, IOptionsMonitor<AiCostOptions> options, TimeProvider time, ILogger<AiCallMeter> logger)
{
    /// <summary>Records the call; returns the record, or null when it could not be stored (logged as an error).</summary>
    public async Task<AiCallRecord?> RecordAsync(AiCall call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var now = time.GetUtcNow();
        var record = new AiCallRecord
        {
            Id = Guid.NewGuid(), UserId = call.UserId, Feature = call.Feature, Model = call.Model, ModelVersion = call.ModelVersion,
            InputUnits = call.InputUnits, OutputUnits = call.OutputUnits, LatencyMs = call.Latency.TotalMilliseconds,
            DeviceSeconds = call.DeviceSeconds, ExecutionProvider = call.ExecutionProvider, RecordedAt = now, RecordedOn = DateOnly.FromDateTime(now.UtcDateTime),
            CostUsd = options.CurrentValue.PriceOf(call.Feature, call.Model).CostOf(call.InputUnits, call.OutputUnits, call.DeviceSeconds),
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            db.AiCallRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return record;
        }
#pragma warning disable CA1031 // Metering must not fail the request it meters; the failure is logged with the record.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogNotRecorded(logger, exception, record.Feature, record.Model, record.ModelVersion, record.UserId, record.InputUnits, record.OutputUnits,
                record.LatencyMs, record.DeviceSeconds, record.CostUsd);
            return null;
        }
    }

    /// <summary>What <paramref name="feature"/> has cost since <paramref name="dayStart"/> (all users).</summary>
    public async Task<decimal> SpentSinceAsync(string feature, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        return await db.AiCallRecords.AsNoTracking().Where(r => r.Feature == feature && r.RecordedAt >= dayStart)
            .SumAsync(r => (decimal?)r.CostUsd, cancellationToken) ?? 0m;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An AI call could not be recorded: feature {Feature}, model {Model} {Version}, user {UserId}, " +
        "{InputUnits} in, {OutputUnits} out, {LatencyMs} ms, {DeviceSeconds} device s, {CostUsd} USD.")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string feature, string model, string version, string? userId,
        long inputUnits, long outputUnits, double latencyMs, double deviceSeconds, decimal costUsd);
}
