using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Instruments;

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

        var (bars, instruments) = Merge(settings, candles);
        var run = new Runner(settings, bars.Count);
        var total = bars.Count;
        var step = Math.Max(1, total / 100);
        for (var i = 0; i < total; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var bar = bars[i];
            run.OnBar(bar, instruments?[i] ?? 0, lastOfInstant: i == total - 1 || bars[i + 1].OpenTime != bar.OpenTime);
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
        var run = new Runner(settings, ticks.Count);
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

    /// <summary>
    /// The bars in [start, end), every symbol's merged in time order (symbols in the settings' order within an instant),
    /// with the index in the settings of each bar's instrument (null when there is one instrument: every index is 0).
    /// </summary>
    private static (List<Candle> Bars, int[]? Instruments) Merge(BacktestSettings settings, IReadOnlyDictionary<string, IReadOnlyList<Candle>> candles)
    {
        var count = settings.Instruments.Count;
        if (count == 1)
        {
            return (BacktestBars.Of(settings, settings.Instruments[0], candles), null);
        }

        var merged = new List<Candle>();
        var owners = new List<int>();
        for (var index = 0; index < count; index++)
        {
            var bars = BacktestBars.Of(settings, settings.Instruments[index], candles);
            merged.AddRange(bars);
            owners.AddRange(Enumerable.Repeat(index, bars.Count));
        }

        // Throws, as it always did, when two instruments share a symbol (a bar's instrument would be ambiguous).
        _ = settings.Instruments.Select((instrument, index) => (instrument.Symbol, index)).ToDictionary(p => p.Symbol, p => p.index, StringComparer.OrdinalIgnoreCase);

        // Sorted by (open time, instrument index): every pair is distinct (a series has no duplicate open times), so the
        // order is the same whatever the sort's stability.
        var order = new int[merged.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => merged[a].OpenTime != merged[b].OpenTime ? merged[a].OpenTime.CompareTo(merged[b].OpenTime) : owners[a].CompareTo(owners[b]));
        var sorted = new List<Candle>(order.Length);
        var instruments = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted.Add(merged[order[i]]);
            instruments[i] = owners[order[i]];
        }

        return (sorted, instruments);
    }

    /// <summary>The state of one run.</summary>
    private sealed class Runner
    {
        private readonly BacktestSettings _settings;
        private readonly BacktestMarket _market;
        private readonly BacktestMarket.Listing[] _listings;
        private readonly AccountBook _book;
        private readonly StrategyTrader _trader;
        private readonly GapDetector _gaps;
        private readonly List<EquityPoint> _equity;
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
        private BacktestMarket.Listing? _lastQuoted;
        private StrategyTicker? _ticker;

        /// <param name="bars">How many bars the run has: at most one equity point each, and the first.</param>
        public Runner(BacktestSettings settings, int bars)
        {
            _settings = settings;
            _market = new BacktestMarket(settings.Instruments);
            _listings = [.. settings.Instruments.Select(instrument => _market.ListingOf(instrument.Symbol))];
            _equity = new List<EquityPoint>(bars + 1);
            var ids = new SeededIds(settings.Seed);
            var account = new TradingAccount
            {
                Id = AccountId.From(ids.Next()), OwnerId = Guid.Empty, Name = "Backtest", IsDemo = true, MaxLeverage = settings.Leverage,
                InitialBalance = settings.InitialBalance, CreatedAt = settings.Start, UpdatedAt = settings.Start,
            };
            // A backtest stores no ledger: its postings move the balance without making entries (see KeepsLedger).
            _book = new AccountBook(account, [], []) { Ids = ids, KeepsLedger = false };
            _book.Post(LedgerPosting.Post(account, LedgerEntryType.Deposit, LedgerAccounts.External, settings.InitialBalance, null, "Backtest starting balance", settings.Start),
                LedgerEntryType.Deposit, settings.Start);
            account.DayStartEquity = account.Balance;
            account.TradingDay = DateOnly.FromDateTime(settings.Start.UtcDateTime);
            _trader = new StrategyTrader(settings.Parameters, settings.Risk, settings.Leverage, StrategyId.From(ids.Next()));
            _gaps = new GapDetector(settings.Instruments, settings.Interval);
        }

        /// <param name="instrument">The index in the settings of the bar's instrument.</param>
        public void OnBar(Candle bar, int instrument, bool lastOfInstant)
        {
            if (_firstBar is null)
            {
                _firstBar = bar;
                _equity.Add(new EquityPoint(bar.OpenTime, _book.Account.Balance));
            }

            if (instrument == 0)
            {
                _lastBenchmarkBar = bar;
            }

            _gaps.Observe(bar, instrument);
            if (_book.OpenPosition(bar.Symbol) is not null || _trader.HasPending(bar.Symbol) || HasWorkingOrders(bar.Symbol))
            {
                // A flat symbol with nothing to do skips its quotes: nothing could fill or trigger on them.
                Replay(bar, _listings[instrument]);
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
            var listing = _market.ListingOf(tick.Symbol);
            var instrument = listing.Instrument;
            var quote = _market.Set(tick with { Symbol = instrument.Symbol });
            _lastQuoted = listing;
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
                if (Symbol.Same(bar.Symbol, _settings.Instruments[0].Symbol))
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
            // The last quote made, whichever symbol it was for (still that symbol's latest).
            if (_book.OpenPositions.Count > 0 && _lastQuoted?.Latest is { } last)
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

        private void Replay(Candle bar, BacktestMarket.Listing listing)
        {
            BarPath.Fill(bar, _settings.Path, _prices, _times);
            if (NothingCanHappen(bar, listing))
            {
                ReplayQuietly(listing);
                return;
            }

            for (var i = 0; i < _prices.Length; i++)
            {
                if (i > 0 && _prices[i] == _prices[i - 1])
                {
                    continue;
                }

                var quote = listing.QuoteAt(_prices[i], _times[i]);
                listing.SetLatest(quote);
                _lastQuoted = listing;
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

                    BarPath.ResolveStopLossFirst(bar, _book.OpenPosition(bar.Symbol), listing, _prices);
                }
            }

            // Events are for the Api's outbox; a backtest keeps orders, fills and the ledger instead.
            _book.Events.Clear();
        }

        /// <summary>
        /// Whether the bar's quotes can do nothing but move the symbol's price: a position is open and stays open
        /// (no order works, no signal waits, and none of the four prices reaches its liquidation, stop-loss or
        /// take-profit, checked as the simulator checks them), and every quote is on the same UTC day, so the day can
        /// only roll, and funding only fall due, at the first quote. The prices are the same whatever order the path
        /// visits them in, so the answer is too.
        /// </summary>
        private bool NothingCanHappen(Candle bar, BacktestMarket.Listing listing)
        {
            if (_book.WorkingOrders.Count != 0 || _trader.HasPending(bar.Symbol) || _book.OpenPosition(bar.Symbol) is not { } position
                || _times[0].UtcTicks / TimeSpan.TicksPerDay != _times[^1].UtcTicks / TimeSpan.TicksPerDay)
            {
                return false;
            }

            if (listing.IsMonotone && bar.Low <= Math.Min(bar.Open, bar.Close) && bar.High >= Math.Max(bar.Open, bar.Close))
            {
                // Marks rise with the price, and every trigger is a mark at or beyond a level: if neither the lowest
                // mark (the low's) nor the highest (the high's) triggers anything, no price in between does.
                return ProtectionTriggers.Triggered(position, listing.Mark(position.Side, bar.Low)) is null
                    && ProtectionTriggers.Triggered(position, listing.Mark(position.Side, bar.High)) is null;
            }

            foreach (var price in _prices)
            {
                if (ProtectionTriggers.Triggered(position, listing.Mark(position.Side, price)) is not null)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// What <see cref="Replay"/> does when <see cref="NothingCanHappen"/>: on a new day, at the first quote, funding
        /// and the day's starting equity exactly as the simulator settles them there; then the last quote the replay
        /// would have made becomes the symbol's latest. Every other step of a quote (expiry, fills, triggers, the
        /// strategy's pending target, costs) has nothing to act on.
        /// </summary>
        private void ReplayQuietly(BacktestMarket.Listing listing)
        {
            var last = 0;
            for (var i = 1; i < _prices.Length; i++)
            {
                if (_prices[i] != _prices[i - 1])
                {
                    last = i;
                }
            }

            var day = DateOnly.FromDateTime(_times[0].UtcDateTime);
            if (day != _fundingDay || day != _book.Account.TradingDay || last == 0)
            {
                listing.MoveTo(_prices[0], _times[0]);
                _lastQuoted = listing;
                SettleFunding(_times[0]);
                ExecutionSimulator.RollDay(_book, _market, _times[0]);
                _book.Events.Clear();
            }

            if (last > 0)
            {
                listing.MoveTo(_prices[last], _times[last]);
                _lastQuoted = listing;
            }
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
                if (Symbol.Same(working[i].Symbol, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <see cref="MarginCalculator.Equity"/>, with each position marked on its listing's latest bid or ask directly
        /// (the mark of the latest quote, without making the quote).
        /// </summary>
        private decimal Equity()
        {
            var positions = _book.OpenPositions;
            if (positions.Count == 0)
            {
                return _book.Account.Balance;
            }

            var unrealized = 0m;
            for (var i = 0; i < positions.Count; i++)
            {
                var position = positions[i];
                if (_market.Find(position.Symbol) is { IsQuoted: true } listing)
                {
                    unrealized += position.UnrealizedPnl(listing.LatestMark(position.Side));
                }
            }

            return Money.Round(_book.Account.Balance + unrealized);
        }
    }
}
