using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Worker.Backtests;

/// <summary>
/// Turns a stored run (a backtest, or a sweep's base) into the engine's input: the instruments as configured now (with
/// the run's fee and slippage overrides), the bound parameters, and each symbol's bars of the run's interval in
/// [start, end), in time order.
/// </summary>
internal sealed class BacktestInputLoader(TradingDbContext db)
{
    public async Task<(BacktestSettings Settings, IReadOnlyDictionary<string, IReadOnlyList<Candle>> Candles)> LoadAsync(
        SimulationSpec run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var symbols = run.Symbols;
        var stored = await db.Set<Instrument>().AsNoTracking().Where(i => symbols.Contains(i.Symbol)).ToListAsync(cancellationToken);
        var instruments = symbols.Select(symbol => stored.SingleOrDefault(i => i.Symbol == symbol)
                ?? throw new ArgumentException($"The instrument {symbol} no longer exists."))
            .Select(i => i with { CommissionRate = run.CommissionRate ?? i.CommissionRate, SlippageFactor = run.SlippageFactor ?? i.SlippageFactor })
            .ToList();
        var algorithm = StrategyAlgorithms.Find(run.Algorithm) ?? throw new ArgumentException($"The algorithm {run.Algorithm} no longer exists.");
        var values = BacktestJson.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(run.Parameters)
            .ToDictionary(p => p.Key, p => p.Value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.True => 1d,
                System.Text.Json.JsonValueKind.False => 0d,
                System.Text.Json.JsonValueKind.Number => p.Value.GetDouble(),
                _ => throw new ArgumentException($"The stored parameters no longer fit {run.Algorithm}: {p.Key} is not a number."),
            });
        var parameters = algorithm.Bind(values, out var errors)
            ?? throw new ArgumentException($"The stored parameters no longer fit {run.Algorithm}: {string.Join(" ", errors.Select(e => e.Message))}");

        var candles = new Dictionary<string, IReadOnlyList<Candle>>(StringComparer.OrdinalIgnoreCase);
        foreach (var symbol in symbols)
        {
            candles[symbol] = await db.Set<Candle>().AsNoTracking()
                .Where(c => c.Symbol == symbol && c.Interval == run.Interval && c.OpenTime >= run.Start && c.OpenTime < run.End)
                .OrderBy(c => c.OpenTime).ToListAsync(cancellationToken);
        }

        var settings = new BacktestSettings
        {
            Parameters = parameters, Risk = run.Risk, Instruments = instruments, Interval = run.Interval, Start = run.Start, End = run.End,
            InitialBalance = run.InitialBalance, Leverage = run.Leverage, Path = run.Path, Seed = run.Seed, RiskFreeRate = run.RiskFreeRate,
        };
        return (settings, candles);
    }
}
