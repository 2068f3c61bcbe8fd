using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// Event-driven backtests over bars of any interval. Each bar is replayed as quotes along its <see cref="IntrabarPath"/>
/// into the live <see cref="ExecutionSimulator"/> (the same fills, slippage, fees, margin checks, stop-loss,
/// take-profit and liquidation as live trading), and its close goes to the strategy's <see cref="StrategyTrader"/>,
/// whose orders trade at the symbol's next quote. Positions still open after the last bar are closed at its close, with
/// costs, so every figure is realised. The run is deterministic: the same settings and bars give the same result.
/// </summary>
public static class BacktestEngine
{
    private const int CancellationCheckInterval = 4096;

    public static BacktestResult Run(
        BacktestSettings settings,
        IReadOnlyDictionary<string, IReadOnlyList<Candle>> candles,
        IProgress<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(candles);
        if (settings.Instruments.Count == 0)
        {
            throw new ArgumentException("A backtest needs at least one instrument.", nameof(settings));
        }

        if (settings.End <= settings.Start)
        {
            throw new ArgumentException("The end must be after the start.", nameof(settings));
        }

        var bars = Merge(settings, candles);
        var run = new Runner(settings);
        var total = bars.Count;
        var step = Math.Max(1, total / 100);
        for (var i = 0; i < total; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var bar = bars[i];
            run.OnBar(bar, lastOfInstant: i == total - 1 || bars[i + 1].OpenTime != bar.OpenTime);
            if (progress is not null && (i + 1) % step == 0)
            {
                progress.Report(new BacktestProgress(i + 1, total, bar.CloseTime));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = run.Finish(total);
        progress?.Report(new BacktestProgress(total, total, settings.End));
        return result;
    }

    /// <summary>
    /// Replays recorded ticks instead of bars: the strategy forms its bars of <see cref="BacktestSettings.Interval"/>
    /// from them exactly as it does live (<see cref="StrategyTicker"/>), and every tick goes to the simulator as it was
    /// quoted. The same ticks replayed live and here give the same orders and fills.
    /// </summary>
    public static BacktestResult RunTicks(
        BacktestSettings settings,
        IReadOnlyList<Quote> ticks,
        IProgress<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ticks);
        var run = new Runner(settings);
        var total = ticks.Count;
        var step = Math.Max(1, total / 100);
        for (var i = 0; i < total; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var tick = ticks[i];
            if (i > 0 && tick.Timestamp < ticks[i - 1].Timestamp)
            {
                throw new ArgumentException("The ticks must be in time order.", nameof(ticks));
            }

            run.OnTick(tick);
            if (progress is not null && (i + 1) % step == 0)
            {
                progress.Report(new BacktestProgress(i + 1, total, tick.Timestamp));
            }
        }

        var result = run.Finish(run.TickBars);
        progress?.Report(new BacktestProgress(total, total, settings.End));
        return result;
    }

    /// <summary>The bars in [start, end), every symbol's merged in time order (symbols in the settings' order within an instant).</summary>
    private static List<Candle> Merge(BacktestSettings settings, IReadOnlyDictionary<string, IReadOnlyList<Candle>> candles)
    {
        var merged = new List<Candle>();
        foreach (var instrument in settings.Instruments)
        {
            if (!candles.TryGetValue(instrument.Symbol, out var series))
            {
                throw new ArgumentException($"No bars were given for {instrument.Symbol}.", nameof(candles));
            }

            DateTimeOffset? previous = null;
            foreach (var bar in series)
            {
                if (bar.Interval != settings.Interval || !string.Equals(bar.Symbol, instrument.Symbol, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"The bars for {instrument.Symbol} must be {instrument.Symbol} {settings.Interval} bars.", nameof(candles));
                }

                if (previous >= bar.OpenTime)
                {
                    throw new ArgumentException($"The bars for {instrument.Symbol} must be in time order without duplicates.", nameof(candles));
                }

                previous = bar.OpenTime;
                if (bar.OpenTime >= settings.Start && bar.OpenTime < settings.End)
                {
                    merged.Add(bar);
                }
            }
        }

        if (settings.Instruments.Count > 1)
        {
            var order = settings.Instruments.Select((instrument, index) => (instrument.Symbol, index))
                .ToDictionary(p => p.Symbol, p => p.index, StringComparer.OrdinalIgnoreCase);
            // List.Sort is not stable; the key makes every pair distinct, so stability is not needed.
            merged.Sort((a, b) => a.OpenTime != b.OpenTime ? a.OpenTime.CompareTo(b.OpenTime) : order[a.Symbol].CompareTo(order[b.Symbol]));
        }

        return merged;
    }

    /// <summary>The state of one run.</summary>
    private sealed class Runner
    {
        private readonly BacktestSettings _settings;
        private readonly BacktestMarket _market;
        private readonly AccountBook _book;
        private readonly StrategyTrader _trader;
        private readonly GapDetector _gaps;
        private readonly List<EquityPoint> _equity = [];
        private readonly List<StrategySignal> _signals = [];
        private readonly List<StrategyAction> _actions = [];
        private readonly HashSet<OrderId> _endOfTest = [];
        private readonly decimal[] _prices = new decimal[4];
        private readonly DateTimeOffset[] _times = new DateTimeOffset[4];
        private int _fillsSeen;
        private decimal _fees;
        private decimal _slippage;
        private decimal _notional;
        private int _barsInMarket;
        private Candle? _firstBar;
        private Candle? _lastBenchmarkBar;
        private DateOnly _fundingDay;
        private Quote? _lastQuote;
        private StrategyTicker? _ticker;

        public Runner(BacktestSettings settings)
        {
            _settings = settings;
            _market = new BacktestMarket(settings.Instruments);
            var ids = new SeededIds(settings.Seed);
            var account = new TradingAccount
            {
                Id = AccountId.From(ids.Next()), OwnerId = Guid.Empty, Name = "Backtest", IsDemo = true, MaxLeverage = settings.Leverage,
                InitialBalance = settings.InitialBalance, CreatedAt = settings.Start, UpdatedAt = settings.Start,
            };
            _book = new AccountBook(account, [], []) { Ids = ids };
            _book.Post(LedgerPosting.Post(account, LedgerEntryType.Deposit, LedgerAccounts.External, settings.InitialBalance, null, "Backtest starting balance", settings.Start),
                LedgerEntryType.Deposit, settings.Start);
            account.DayStartEquity = account.Balance;
            account.TradingDay = DateOnly.FromDateTime(settings.Start.UtcDateTime);
            _trader = new StrategyTrader(settings.Parameters, settings.Risk, settings.Leverage, StrategyId.From(ids.Next()));
            _gaps = new GapDetector(settings.Instruments, settings.Interval);
        }

        public void OnBar(Candle bar, bool lastOfInstant)
        {
            if (_firstBar is null)
            {
                _firstBar = bar;
                _equity.Add(new EquityPoint(bar.OpenTime, _book.Account.Balance));
            }

            if (string.Equals(bar.Symbol, _settings.Instruments[0].Symbol, StringComparison.OrdinalIgnoreCase))
            {
                _lastBenchmarkBar = bar;
            }

            _gaps.Observe(bar);
            if (_book.OpenPosition(bar.Symbol) is not null || _trader.HasPending(bar.Symbol) || HasWorkingOrders(bar.Symbol))
            {
                // A flat symbol with nothing to do skips its quotes: nothing could fill or trigger on them.
                Replay(bar);
            }

            if (_trader.OnBarClosed(bar) is { } signal)
            {
                _signals.Add(signal);
            }

            if (lastOfInstant)
            {
                if (_book.OpenPositions.Count > 0)
                {
                    _barsInMarket++;
                }

                _equity.Add(new EquityPoint(bar.CloseTime, Equity()));
            }
        }

        /// <summary>Bars completed by the ticks so far (tick replay).</summary>
        public long TickBars { get; private set; }

        /// <summary>One recorded tick: the simulator first (resting orders, protection), then the strategy, as live.</summary>
        public void OnTick(Quote tick)
        {
            _ticker ??= new StrategyTicker(_trader, _settings.Interval);
            var instrument = _market.Instrument(tick.Symbol);
            var quote = _market.Set(tick with { Symbol = instrument.Symbol });
            _lastQuote = quote;
            if (_firstBar is null)
            {
                _firstBar = new Candle(instrument.Symbol, _settings.Interval, _settings.Interval.Floor(quote.Timestamp), quote.Last, quote.Last, quote.Last, quote.Last, 0m);
                _equity.Add(new EquityPoint(quote.Timestamp, _book.Account.Balance));
            }

            SettleFunding(quote.Timestamp);
            ExecutionSimulator.OnQuote(_book, quote, _market, quote.Timestamp);
            Account(quote);
            var completed = _ticker.Advance(quote, out var bar);
            if (bar is not null)
            {
                TickBars++;
                if (string.Equals(bar.Symbol, _settings.Instruments[0].Symbol, StringComparison.OrdinalIgnoreCase))
                {
                    _lastBenchmarkBar = bar;
                }

                if (_book.OpenPositions.Count > 0)
                {
                    _barsInMarket++;
                }

                _equity.Add(new EquityPoint(bar.CloseTime, Equity()));
            }

            if (completed is not null)
            {
                _signals.Add(completed);
            }

            if (_ticker.HasPending(quote.Symbol) && _ticker.Trade(_book, quote, _market, quote.Timestamp) is { } action)
            {
                _actions.Add(action);
                Account(quote);
            }

            _book.Events.Clear();
        }

        public BacktestResult Finish(long bars)
        {
            if (_book.OpenPositions.Count > 0 && _lastQuote is { } last)
            {
                foreach (var position in _book.OpenPositions.ToList())
                {
                    var quote = _market.LatestQuote(position.Symbol) ?? last;
                    _endOfTest.Add(ExecutionSimulator.ClosePosition(_book, position, null, _market, quote.Timestamp).Id);
                    Account(quote);
                }

                _equity[^1] = _equity[^1] with { Equity = Equity() };
            }

            foreach (var order in _book.WorkingOrders.ToList())
            {
                ExecutionSimulator.Cancel(_book, order, _equity.Count > 0 ? _equity[^1].At : _settings.End, "The backtest ended");
            }

            var orders = _book.NewOrders.ToDictionary(o => o.Id);
            var trades = TradeBook.RoundTrips(_book.NewFills, orders, _endOfTest);
            var equity = _equity.Count > 0 ? _equity : [new EquityPoint(_settings.Start, _settings.InitialBalance)];
            var metrics = BacktestMetricsCalculator.Calculate(new MetricsInput(
                equity, trades, _settings.InitialBalance, _fees, _slippage, _notional, _barsInMarket, (int)Math.Min(bars, int.MaxValue),
                _firstBar?.Open ?? 0m, _lastBenchmarkBar?.Close ?? 0m, _settings.RiskFreeRate));
            return new BacktestResult(metrics, equity, trades, _book.NewOrders, _book.NewFills, _signals, _actions, _gaps.Gaps, bars);
        }

        private void Replay(Candle bar)
        {
            var instrument = _market.Instrument(bar.Symbol);
            BarPath.Fill(bar, _settings.Path, _prices, _times);
            for (var i = 0; i < _prices.Length; i++)
            {
                if (i > 0 && _prices[i] == _prices[i - 1])
                {
                    continue;
                }

                var quote = _market.Set(instrument, _prices[i], _times[i]);
                _lastQuote = quote;
                SettleFunding(quote.Timestamp);
                ExecutionSimulator.OnQuote(_book, quote, _market, quote.Timestamp);
                Account(quote);
                if (i == 0)
                {
                    if (_trader.OnQuote(_book, quote, _market, quote.Timestamp) is { } action)
                    {
                        _actions.Add(action);
                        Account(quote);
                    }

                    BarPath.ResolveStopLossFirst(bar, _book.OpenPosition(bar.Symbol), _market, _prices);
                }
            }

            // Events are for the Api's outbox; a backtest keeps orders, fills and the ledger instead.
            _book.Events.Clear();
        }

        /// <summary>Costs of the fills made at <paramref name="quote"/>: commission, and slippage against the touch.</summary>
        private void Account(Quote quote)
        {
            var fills = _book.NewFills;
            for (; _fillsSeen < fills.Count; _fillsSeen++)
            {
                var fill = fills[_fillsSeen];
                _fees += fill.Commission;
                _notional += fill.Quantity * fill.Price;
                if (fill.Liquidity == Liquidity.Taker)
                {
                    var touch = fill.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
                    _slippage += Math.Abs(fill.Price - touch) * fill.Quantity;
                }
            }
        }

        private void SettleFunding(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            if (day != _fundingDay && _book.OpenPositions.Count > 0)
            {
                ExecutionSimulator.SettleFunding(_book, _market, at);
            }

            _fundingDay = day;
        }

        private bool HasWorkingOrders(string symbol)
        {
            var working = _book.WorkingOrders;
            for (var i = 0; i < working.Count; i++)
            {
                if (string.Equals(working[i].Symbol, symbol, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private decimal Equity() =>
            _book.OpenPositions.Count == 0 ? _book.Account.Balance : MarginCalculator.Snapshot(_book, _market).Equity;
    }
}
