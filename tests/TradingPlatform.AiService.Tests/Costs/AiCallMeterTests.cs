using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Costs;

/// <summary>
/// A record the database refuses, or one that finds the queue full, does not fail the metered call: it is logged as an
/// error with its fields, and a flush still completes.
/// </summary>
public sealed class AiCallMeterTests
{
    [Fact]
    public async Task A_record_that_cannot_be_stored_is_logged_with_its_fields_after_the_retries()
    {
        var services = new ServiceCollection();
        services.AddDbContext<AiDbContext>(o => o.UseNpgsql($"Host=127.0.0.1;Port={ClosedPort.Next()};Database=tradingdb;Username=x;Password=y;Timeout=2"));
        await using var provider = services.BuildServiceProvider();
        var logger = new CapturingLogger();
        var options = new StaticOptions(new AiCostOptions { Prices = { ["sentiment"] = new AiPrice { Per1KInputTokensUsd = 1 } } });
        var meter = Meter(provider, options, logger);
        using var writer = new AiCallWriter(meter, provider.GetRequiredService<IServiceScopeFactory>(), options);
        await writer.StartAsync(CancellationToken.None);

        var record = meter.Record(new AiCall(AiFeatures.Sentiment, "minilm", "1", 1_000, 1, TimeSpan.FromMilliseconds(5), 0.005, null, "user-1"));
        await meter.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(1m, record.CostUsd);
        var (level, message, exception) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.NotNull(exception);
        Assert.Contains("(the database refused it): feature sentiment, model minilm 1, user user-1, 1000 in, 1 out", message, StringComparison.Ordinal);
        Assert.Matches(@"0.005 device s, 1(\.0+)? USD\.$", message);
    }

    [Fact]
    public async Task A_call_that_finds_the_queue_full_is_logged_as_not_recorded_and_not_counted_in_the_spend()
    {
        var services = new ServiceCollection();
        await using var provider = services.BuildServiceProvider();
        var logger = new CapturingLogger();
        var options = new StaticOptions(new AiCostOptions { QueueCapacity = 100, Prices = { ["sentiment"] = new AiPrice { Per1KInputTokensUsd = 1 } } });
        var meter = Meter(provider, options, logger);

        // No writer runs: the first 100 wait in the queue, the 101st finds it full.
        for (var i = 0; i <= 100; i++)
        {
            meter.Record(new AiCall(AiFeatures.Sentiment, "minilm", "1", 1_000, 1, TimeSpan.FromMilliseconds(5), 0, null, $"user-{i}"));
        }

        var (level, message, _) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("(the record queue is full)", message, StringComparison.Ordinal);
        Assert.Contains("user user-100,", message, StringComparison.Ordinal);
        Assert.Equal(100, meter.Queued.Count);
        Assert.False(meter.FlushAsync().IsCompleted);
    }

    [Fact]
    public async Task Todays_spend_that_the_database_cannot_give_is_unavailable_rather_than_zero()
    {
        var services = new ServiceCollection();
        services.AddDbContext<AiDbContext>(o => o.UseNpgsql($"Host=127.0.0.1;Port={ClosedPort.Next()};Database=tradingdb;Username=x;Password=y;Timeout=2"));
        await using var provider = services.BuildServiceProvider();
        var spend = new AiDailySpend(provider.GetRequiredService<IServiceScopeFactory>(), new StaticOptions(new AiCostOptions()), TimeProvider.System,
            NullLogger<AiDailySpend>.Instance);

        await Assert.ThrowsAsync<AiSpendUnavailableException>(() => spend.SpentTodayAsync(AiFeatures.Sentiment, CancellationToken.None).AsTask());
        // Each call tries again: the next one is refused the same way, not answered from a half-loaded state.
        await Assert.ThrowsAsync<AiSpendUnavailableException>(() => spend.SpentTodayAsync(AiFeatures.Sentiment, CancellationToken.None).AsTask());
    }

    private static AiCallMeter Meter(ServiceProvider provider, StaticOptions options, CapturingLogger logger) =>
        new(new AiDailySpend(provider.GetRequiredService<IServiceScopeFactory>(), options, TimeProvider.System, NullLogger<AiDailySpend>.Instance),
            options, TimeProvider.System, logger);

    private sealed class StaticOptions(AiCostOptions value) : IOptionsMonitor<AiCostOptions>
    {
        public AiCostOptions CurrentValue => value;

        public AiCostOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AiCostOptions, string?> listener) => null;
    }

    private sealed class CapturingLogger : ILogger<AiCallMeter>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
