using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// Prices and records metered calls off the request path: <see cref="Record"/> stamps and prices the call, counts its
/// cost in today's spend at once (so a budget sees it on the next call), and queues it for <see cref="AiCallWriter"/>,
/// which inserts queued records in batches. The queue is bounded: a call that finds it full (the database has been
/// unreachable for a while) is logged as an error with its whole record, never dropped silently, and so is a record
/// the writer could not store. <see cref="FlushAsync"/> waits until everything recorded so far was written.
/// </summary>
public sealed partial class AiCallMeter
{
    private readonly Channel<AiCallRecord> _queue;
    private readonly IOptionsMonitor<AiCostOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AiCallMeter> _logger;
    private readonly List<(long Target, TaskCompletionSource Done)> _flushes = [];
    private long _queued;
    private long _settled;

    public AiCallMeter(AiDailySpend spend, IOptionsMonitor<AiCostOptions> options, TimeProvider time, ILogger<AiCallMeter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Spend = spend;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<AiCallRecord>(new BoundedChannelOptions(options.CurrentValue.QueueCapacity)
        {
            // Two readers: the writer's loop, and its stop when the host's timeout runs out while the loop still runs.
            FullMode = BoundedChannelFullMode.Wait, SingleReader = false,
        });
    }

    /// <summary>Today's spend per feature, for the budgets.</summary>
    public AiDailySpend Spend { get; }

    internal ChannelReader<AiCallRecord> Queued => _queue.Reader;

    /// <summary>Prices and queues the call; returns its record (stored shortly after, or logged as lost).</summary>
    public AiCallRecord Record(AiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var now = _time.GetUtcNow();
        var record = new AiCallRecord
        {
            Id = Guid.NewGuid(), UserId = call.UserId, Feature = call.Feature, Model = call.Model, ModelVersion = call.ModelVersion,
            InputUnits = call.InputUnits, OutputUnits = call.OutputUnits, LatencyMs = call.Latency.TotalMilliseconds,
            DeviceSeconds = call.DeviceSeconds, ExecutionProvider = call.ExecutionProvider, RecordedAt = now, RecordedOn = DateOnly.FromDateTime(now.UtcDateTime),
            CostUsd = _options.CurrentValue.PriceOf(call.Feature, call.Model).CostOf(call.InputUnits, call.OutputUnits, call.DeviceSeconds),
        };
        Spend.Queued(record);
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(record))
        {
            Lost(record, null, _queue.Reader.Completion.IsCompleted ? "the service is stopping" : "the record queue is full");
        }

        return record;
    }

    /// <summary>Completes when every call recorded before this one was stored or logged as lost.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (_flushes)
        {
            var target = Interlocked.Read(ref _queued);
            if (Interlocked.Read(ref _settled) >= target)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushes.Add((target, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>No more records: the writer stores what is queued and stops.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    /// <summary>The writer stored <paramref name="records"/>.</summary>
    internal void Stored(IReadOnlyList<AiCallRecord> records)
    {
        Spend.Stored(records);
        Settle(records.Count);
    }

    /// <summary>The writer could not store <paramref name="records"/> (its retries failed, or the service stopped first).</summary>
    internal void NotStored(IReadOnlyList<AiCallRecord> records, Exception? exception, string reason)
    {
        foreach (var record in records)
        {
            Lost(record, exception, reason);
        }
    }

    private void Lost(AiCallRecord record, Exception? exception, string reason)
    {
        Spend.Dropped(record);
        LogNotRecorded(_logger, exception, reason, record.Feature, record.Model, record.ModelVersion, record.UserId, record.InputUnits, record.OutputUnits,
            record.LatencyMs, record.DeviceSeconds, record.CostUsd);
        Settle(1);
    }

    private void Settle(int count)
    {
        var settled = Interlocked.Add(ref _settled, count);
        lock (_flushes)
        {
            for (var i = _flushes.Count - 1; i >= 0; i--)
            {
                if (_flushes[i].Target <= settled)
                {
                    _flushes[i].Done.TrySetResult();
                    _flushes.RemoveAt(i);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An AI call could not be recorded ({Reason}): feature {Feature}, model {Model} {Version}, user {UserId}, " +
        "{InputUnits} in, {OutputUnits} out, {LatencyMs} ms, {DeviceSeconds} device s, {CostUsd} USD.")]
    private static partial void LogNotRecorded(ILogger logger, Exception? exception, string reason, string feature, string model, string version, string? userId,
        long inputUnits, long outputUnits, double latencyMs, double deviceSeconds, decimal costUsd);
}
