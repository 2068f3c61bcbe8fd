using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Market.History;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Market.Feed;

/// <summary>
/// The simulated price feed. Every replica runs this service but only the leader of a Redis election ticks: every
/// <see cref="MarketFeedOptions.TickInterval"/> it quotes each active instrument whose market is open, publishes the
/// ticks to the <see cref="QuoteBook"/> (and so to the tick subscribers), writes them and the forming 1-minute
/// candles to Redis for the other replicas, and stores each completed 1-minute candle (with its roll-ups). An
/// instrument starts from its last stored candle's close (history or an earlier run), once its history is in place.
/// </summary>
internal sealed class MarketFeedService(
    IOptions<MarketFeedOptions> options,
    InstrumentRegistry registry,
    QuoteBook quotes,
    RedisQuoteStore redisQuotes,
    CandleStore candles,
    MarketHistoryStatus history,
    SchemaStatus<TradingDbContext> schema,
    IConnectionMultiplexer redis,
    RedisNamespace keys,
    TimeProvider time,
    ILogger<MarketFeedService> logger) : BackgroundService
{
    private readonly Dictionary<string, CandleBuilder> _builders = new(StringComparer.OrdinalIgnoreCase);
    private MarketSimulator? _market;
    private int _registryVersion = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await Task.Yield();
        var election = new RedisLeaderElection(redis, keys.Name(settings.LeaderKey), settings.LeaderLease, logger);
        try
        {
            await schema.Completion.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(settings.TickInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(election, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "A market feed tick failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await election.ReleaseAsync();
        }
    }

    private async Task TickAsync(RedisLeaderElection election, CancellationToken cancellationToken)
    {
        if (!await election.TryAcquireOrRenewAsync())
        {
            if (_market is not null)
            {
                // Another replica leads now; when this one leads again it starts from what is stored.
                _market = null;
                _builders.Clear();
                _registryVersion = -1;
            }

            return;
        }

        _market ??= new MarketSimulator(options.Value.Seed ?? Random.Shared.Next());
        var now = time.GetUtcNow();
        await SyncInstrumentsAsync(_market, now, cancellationToken);

        var ticks = _market.Tick(now);
        await quotes.PublishAsync(ticks, cancellationToken);

        var completed = new List<Candle>();
        foreach (var tick in ticks)
        {
            if (!_builders.TryGetValue(tick.Symbol, out var builder))
            {
                _builders[tick.Symbol] = builder = new CandleBuilder(tick.Symbol, CandleInterval.OneMinute);
            }

            if (builder.Add(tick) is { } candle)
            {
                completed.Add(candle);
            }
        }

        foreach (var builder in _builders.Values)
        {
            if (builder.Flush(now) is { } candle)
            {
                completed.Add(candle);
            }
        }

        await redisQuotes.WriteAsync(ticks, [.. _builders.Values.Select(b => b.Current).OfType<Candle>()]);
        await candles.UpsertAsync(completed, cancellationToken);
    }

    /// <summary>Adds instruments whose history is ready (continuing from their last candle), takes edits, drops deactivated ones.</summary>
    private async Task SyncInstrumentsAsync(MarketSimulator market, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var version = registry.Version;
        foreach (var instrument in registry.All)
        {
            if (!instrument.Active)
            {
                market.Remove(instrument.Symbol);
                continue;
            }

            if (market.Contains(instrument.Symbol))
            {
                if (version != _registryVersion)
                {
                    market.Update(instrument);
                }

                continue;
            }

            if (!history.IsReady(instrument.Symbol))
            {
                continue;
            }

            var last = await candles.LatestAsync(instrument.Symbol, CandleInterval.OneMinute, cancellationToken);
            var startTime = last is null || last.CloseTime > now ? now : last.CloseTime;
            market.Add(instrument, last?.Close ?? instrument.InitialPrice, startTime);
            logger.LogInformation("The feed starts {Symbol} at {Price}", instrument.Symbol, last?.Close ?? instrument.InitialPrice);
        }

        foreach (var symbol in market.Symbols.ToList())
        {
            if (registry.Find(symbol) is null)
            {
                market.Remove(symbol);
            }
        }

        _registryVersion = version;
    }
}
