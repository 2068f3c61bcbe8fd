using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Costs;

/// <summary>A record the database refuses does not fail the metered call, and is logged as an error with its fields.</summary>
public sealed class AiCallMeterTests
{
    [Fact]
    public async Task A_record_that_cannot_be_stored_is_logged_with_its_fields_and_does_not_throw()
    {
        var services = new ServiceCollection();
        services.AddDbContext<AiDbContext>(o => o.UseNpgsql($"Host=127.0.0.1;Port={ClosedPort.Next()};Database=tradingdb;Username=x;Password=y;Timeout=2"));
        await using var provider = services.BuildServiceProvider();
        var logger = new CapturingLogger();
        var meter = new AiCallMeter(provider.GetRequiredService<IServiceScopeFactory>(),
            new StaticOptions(new AiCostOptions { Prices = { ["sentiment"] = new AiPrice { Per1KInputTokensUsd = 1 } } }), TimeProvider.System, logger);

        var record = await meter.RecordAsync(new AiCall(AiFeatures.Sentiment, "minilm", "1", 1_000, 1, TimeSpan.FromMilliseconds(5), 0.005, null, "user-1"));

        Assert.Null(record);
        var (level, message, exception) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.NotNull(exception);
        Assert.Contains("feature sentiment, model minilm 1, user user-1, 1000 in, 1 out", message, StringComparison.Ordinal);
        Assert.Matches(@"0.005 device s, 1(\.0+)? USD\.$", message);
    }

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
