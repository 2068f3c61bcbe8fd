using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Signals;
using TradingPlatform.Api.TickProcessing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Signals;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Strategies.Live;

/// <summary>
/// Runs every active automated strategy on the live ticks, through the same <see cref="StrategyTicker"/> a tick-replay
/// backtest runs: ticks form the strategy's bars, a completed bar's signal is recorded (<c>GET /api/signals</c>, the
/// <c>signal</c> WebSocket event) and traded at the next tick through <see cref="AccountBookStore"/>, the path every
/// client order takes (row lock, margin checks, outbox). Only the feed's leader publishes ticks, so exactly one replica
/// runs the strategies. The <see cref="TickProcessor"/> hands it each tick after applying it to the accounts, which
/// is the order a tick-replay backtest follows (the simulator first, then the strategy).
/// </summary>
internal sealed class LiveStrategyRunner(IOptions<LiveStrategyOptions> options, TimeProvider time, ILogger<LiveStrategyRunner> logger)
{
    private readonly Dictionary<StrategyId, LiveStrategy> _strategies = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    /// <summary>The strategies running now (for status and tests).</summary>
    public IReadOnlyCollection<StrategyId> Running => [.. _strategies.Keys];

    /// <summary>Re-reads which strategies are active when the refresh interval has passed.</summary>
    public async Task RefreshIfDueAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _refreshedAt >= options.Value.RefreshInterval)
        {
            await RefreshAsync(services, cancellationToken);
        }
    }

    /// <summary>One tick, already applied to the accounts, for every strategy trading its symbol.</summary>
    public async Task OnTickAsync(IServiceProvider services, Quote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        foreach (var strategy in _strategies.Values.Where(s => s.Symbols.Contains(quote.Symbol)).ToList())
        {
            try
            {
                await OnTickAsync(services, strategy, quote, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Strategy {StrategyId} failed on a {Symbol} tick", strategy.Id, quote.Symbol);
            }
        }
    }

    private async Task OnTickAsync(IServiceProvider services, LiveStrategy strategy, Quote quote, CancellationToken cancellationToken)
    {
        if (strategy.Ticker.Advance(quote) is { } signal)
        {
            await services.GetRequiredService<SignalStore>().RecordAsync(new NewSignal(
                signal.Symbol, (int)signal.Target, Side(signal.Target), new SignalSource(SignalSourceKind.Strategy, strategy.Id.ToString(), strategy.Name))
            {
                Time = signal.At, Pattern = $"{Describe(strategy)} → {signal.Target.ToString().ToLowerInvariant()}",
                StrategyId = strategy.Id,
            }, cancellationToken);
        }

        if (!strategy.Ticker.HasPending(quote.Symbol))
        {
            return;
        }

        // Paused or deactivated since the last refresh: it stops before its next order, not a refresh later.
        var db = services.GetRequiredService<TradingDbContext>();
        if (!await db.Set<Strategy>().AsNoTracking().AnyAsync(s => s.Id == strategy.Id && s.Status == StrategyStatus.Active, cancellationToken))
        {
            _strategies.Remove(strategy.Id);
            return;
        }

        var action = await services.GetRequiredService<AccountBookStore>().ChangeAsync(strategy.AccountId, strategy.OwnerId,
            (book, now, _) => Task.FromResult(strategy.Ticker.Trade(book, quote, services.GetRequiredService<IMarketView>(), now)), cancellationToken);
        if (action?.Refusal is { } refusal)
        {
            logger.LogInformation("Strategy {StrategyId} on {Symbol}: {Refusal}", strategy.Id, quote.Symbol, refusal);
        }
    }

    /// <summary>Starts newly activated strategies (warmed up on stored bars), restarts changed ones, stops the rest.</summary>
    private async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        _refreshedAt = time.GetUtcNow();
        var db = services.GetRequiredService<TradingDbContext>();
        var active = await db.Set<Strategy>().AsNoTracking()
            .Where(s => s.Status == StrategyStatus.Active && s.Type == StrategyType.Automated && s.Algorithm != null && s.AccountId != null)
            .ToListAsync(cancellationToken);
        foreach (var gone in _strategies.Keys.Where(id => active.All(s => s.Id != id)).ToList())
        {
            _strategies.Remove(gone);
            logger.LogInformation("Strategy {StrategyId} stopped", gone);
        }

        foreach (var strategy in active.Where(s => !_strategies.TryGetValue(s.Id, out var running) || running.Version != s.UpdatedAt))
        {
            if (AlgorithmInput.TryBind(strategy.Algorithm, strategy.Parameters, out var problem) is not { } parameters)
            {
                logger.LogWarning("Strategy {StrategyId} cannot run: {Problem}", strategy.Id, problem);
                continue;
            }

            var ticker = new StrategyTicker(new StrategyTrader(parameters, strategy.RiskManagement, 1, strategy.Id), strategy.Interval);
            var warmUp = WarmUpBars(parameters);
            var now = time.GetUtcNow();
            foreach (var symbol in warmUp == 0 ? [] : strategy.Symbols)
            {
                var bars = await db.Set<Candle>().AsNoTracking()
                    .Where(c => c.Symbol == symbol && c.Interval == strategy.Interval && c.OpenTime + strategy.Interval.Duration <= now)
                    .OrderByDescending(c => c.OpenTime).Take(warmUp).ToListAsync(cancellationToken);
                bars.Reverse();
                ticker.WarmUp(bars);
            }

            _strategies[strategy.Id] = new LiveStrategy(strategy.Id, strategy.OwnerId, strategy.AccountId!.Value, strategy.Name,
                strategy.Symbols.ToHashSet(StringComparer.OrdinalIgnoreCase), strategy.UpdatedAt, ticker);
            logger.LogInformation("Strategy {StrategyId} ({Algorithm}) runs on {Symbols} {Interval} bars", strategy.Id, strategy.Algorithm, string.Join(", ", strategy.Symbols), strategy.Interval);
        }
    }

    /// <summary>Enough history for the longest window any parameter names (three times it, for the exponential ones to settle).</summary>
    private int WarmUpBars(StrategyParameters parameters) =>
        Math.Min(options.Value.MaxWarmUpBars, 10 + 3 * (int)parameters.Algorithm.Parameters.Where(p => p.Kind == ParameterKind.Integer).Select(p => parameters.Values[p.Name]).DefaultIfEmpty(1).Max());

    private static string Describe(LiveStrategy strategy) => $"{strategy.Name} ({strategy.Ticker.Interval})";

    private static SignalSide Side(TargetExposure target) => target switch
    {
        TargetExposure.Long => SignalSide.Buy,
        TargetExposure.Short => SignalSide.Sell,
        _ => SignalSide.Neutral,
    };
}
