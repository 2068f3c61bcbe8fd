using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Api.Strategies;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Backtests;

/// <summary>
/// Checks what a backtest, sweep or walk-forward will run on, before anything is stored or enqueued: the caller's
/// strategy (another user's is a 404) or the inline one, the symbols and leverage against the instruments, and the
/// data: an interval the data does not have, a range without bars, a run past the bar limit are refused at their field.
/// </summary>
public sealed class SimulationInputs(TradingDbContext db, InstrumentRegistry instruments, IOptions<BacktestOptions> options)
{
    public async Task<ResolvedSimulation> ResolveAsync(Guid ownerId, SimulationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (parameters, risk, strategyId, symbols) = await ResolveStrategyAsync(ownerId, request, cancellationToken);
        var interval = CandleInterval.Parse(request.Interval!);
        var (start, end) = (request.Start!.Value.ToUniversalTime(), request.End!.Value.ToUniversalTime());
        CheckLeverage(symbols, request.Leverage);
        var bars = await CheckDataAsync(symbols, interval, start, end, cancellationToken);
        return new ResolvedSimulation(parameters, risk, strategyId, symbols, interval, start, end, bars);
    }

    private async Task<(StrategyParameters Parameters, RiskManagement Risk, StrategyId? StrategyId, IReadOnlyList<string> Symbols)> ResolveStrategyAsync(
        Guid ownerId, SimulationRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? symbols = request.Symbols is null ? null : [.. StrategyInput.Normalize(request.Symbols)];
        if (request.Strategy is { } inline)
        {
            return (AlgorithmInput.Bind(inline.Algorithm!, inline.Parameters),
                inline.RiskManagement?.ApplyTo(RiskManagement.Default) ?? RiskManagement.Default, null, symbols!);
        }

        var strategy = await db.Set<Strategy>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == StrategyId.From(request.StrategyId!.Value) && s.OwnerId == ownerId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Strategy not found.");
        if (strategy.Algorithm is null)
        {
            throw Invalid("strategyId",
                $"Strategy {strategy.Id} has no algorithm to backtest; give it one (PUT /api/strategies/{strategy.Id} with algorithm and parameters) or send an inline strategy.");
        }

        var parameters = AlgorithmInput.TryBind(strategy.Algorithm, strategy.Parameters, out var problem)
            ?? throw Invalid("strategyId", $"Strategy {strategy.Id}'s parameters do not fit {strategy.Algorithm}: {problem}");
        return (parameters, strategy.RiskManagement, strategy.Id, symbols ?? strategy.Symbols);
    }

    private void CheckLeverage(IReadOnlyList<string> symbols, int leverage)
    {
        foreach (var symbol in symbols)
        {
            var instrument = instruments.Find(symbol) ?? throw Invalid("symbols", $"Unknown symbol '{symbol}'.");
            if (leverage > instrument.MaxLeverage)
            {
                throw Invalid("leverage", $"The leverage is at most {instrument.MaxLeverage} for {instrument.Symbol}.");
            }
        }
    }

    /// <summary>Refuses, before anything is enqueued, an interval the data does not have, a range without bars, and a run past the bar limit.</summary>
    private async Task<long> CheckDataAsync(IReadOnlyList<string> symbols, CandleInterval interval, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var symbol in symbols)
        {
            var bars = db.Set<Candle>().Where(c => c.Symbol == symbol && c.Interval == interval);
            var range = await bars.GroupBy(_ => 1).Select(g => new { First = g.Min(c => c.OpenTime), Last = g.Max(c => c.OpenTime) }).SingleOrDefaultAsync(cancellationToken);
            if (range is null)
            {
                throw Invalid("interval", $"There are no {interval} bars for {symbol}; GET /api/market/{symbol}/candles shows what the data has.");
            }

            var count = await bars.LongCountAsync(c => c.OpenTime >= start && c.OpenTime < end, cancellationToken);
            if (count == 0)
            {
                throw Invalid("start",
                    $"There are no {interval} bars for {symbol} between {Iso(start)} and {Iso(end)}; the data runs from {Iso(range.First)} to {Iso(range.Last + interval.Duration)}.");
            }

            total += count;
        }

        if (total > options.Value.MaxBars)
        {
            throw Invalid("end", $"The run would replay {total:N0} bars; the most is {options.Value.MaxBars:N0}. Shorten the period or use a longer interval.");
        }

        return total;
    }

    public static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
