namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// One crossover combination replayed with the engine's rules, in one pass over the bars, on exact integers (ticks,
/// lots, cents): the same code runs on the CPU (<see cref="ArrayCrossoverBars"/>) and, one thread per combination, in
/// the GPU kernel, so both give the same figures bit for bit. What it reproduces, each step as the engine does it:
/// <list type="bullet">
/// <item>A bar is replayed only while a position is open or a signal is pending (a flat stretch is skipped, and its
/// equity points are added at once); its quotes are visited open → nearer extreme → farther → close (or the path the
/// settings fix), a price equal to the one before it is skipped, and once the open has traded a bar that reaches both
/// the stop-loss and the take-profit visits the adverse extreme first (<see cref="Backtesting.BarPath"/>).</item>
/// <item>At each quote: funding for every 00:00 UTC since the position was opened or last funded, the day's starting
/// equity on the day's first quote, then liquidation, stop-loss and take-profit (in that order) on the mark (bid for a
/// long, ask for a short); a stop or a liquidation fills at the market with slippage, a take-profit at its price or
/// better.</item>
/// <item>A signal on a close trades at the next bar's open (<see cref="Strategies.StrategyTrader"/>): one market order
/// closes the position and opens the new one, sized by <see cref="Strategies.PositionSizing"/> on the equity at that
/// quote, with its stop-loss and take-profit, after the order validator's, the bracket's, the daily loss limit's and
/// the margin check's refusals; an order above the top of the book would fill in parts, so the combination goes back
/// to the engine.</item>
/// <item>Fills at the touch moved by the deterministic slippage (base + size impact, clamped, rounded to the tick and
/// never better than the touch), commission rounded to the cent with its minimum (split between the closing and the
/// opening part), realised P&amp;L rounded to the cent, equity marked at every close, the end-of-test close at the
/// last close.</item>
/// </list>
/// The figures are accumulated online into <see cref="CrossoverAccumulators"/>.
/// </summary>
internal struct CrossoverSimulation<TBars>
    where TBars : struct, ICrossoverBars
{
    /// <summary>Cash beyond ±2^40 cents (about 11 billion) could overflow the 64-bit products; such a run goes back to the engine.</summary>
    private const long CashLimit = 1L << 40;

    /// <summary>Accumulated notional or slippage beyond this could overflow on the next fill.</summary>
    private const long SumLimit = 1L << 61;

    private TBars _bars;
    private CrossoverConstants _c;
    private CrossoverCombination _combination;
    private CrossoverAccumulators _acc;

    private long _cash;
    private int _direction;
    private long _lots;
    private long _entry;
    private long _stop;
    private long _take;
    private long _liquidation;
    private long _entryCommission;
    private int _fundedDay;
    private int _fundingDay;
    private int _tradingDay;
    private long _dayStart;
    private bool _pending;
    private int _target;
    private int _previousSign;
    private long _previousEquity;

    /// <summary>The lowest equity since the current peak: the episode's deepest drawdown is there, so only a new low needs a division.</summary>
    private long _trough;

    public static CrossoverAccumulators Run(TBars bars, CrossoverConstants constants, CrossoverCombination combination)
    {
        var run = new CrossoverSimulation<TBars>
        {
            _bars = bars,
            _c = constants,
            _combination = combination,
        };
        run.Execute();
        return run._acc;
    }

    private void Execute()
    {
        var count = _bars.Count;
        _cash = _c.InitialCents;
        _dayStart = _cash;
        _tradingDay = _c.StartDay;
        _fundingDay = int.MinValue;
        StartCurve(_cash);

        var bar = 0;
        while (bar < count && _acc.Status == FastPathStatus.Exact)
        {
            if (_direction == 0 && !_pending)
            {
                // Flat with nothing to do: the engine skips these bars' quotes, so only the next signal matters.
                var signal = NextSignalBar(bar);
                var last = signal < count ? signal : count - 1;
                AddFlatPoints(last - bar + 1, last + 1);
                bar = last + 1;
                continue;
            }

            if (!_pending)
            {
                var next = QuietStretch(bar);
                if (next > bar)
                {
                    bar = next;
                    continue;
                }
            }

            ReplayBar(bar);
            CloseOfBar(bar);
            if (_direction != 0)
            {
                _acc.BarsInMarket++;
                if (bar == count - 1)
                {
                    // The end of the test closes what is open at the last close, with costs.
                    CloseAtMarket(_bars.Bid(bar, BarPrice.Close), _bars.Ask(bar, BarPrice.Close));
                }
            }

            AddPoint(bar + 1, EquityAt(_bars.Bid(bar, BarPrice.Close), _bars.Ask(bar, BarPrice.Close)));
            GuardRange();
            bar++;
        }

        _acc.FinalCents = _previousEquity;
        if (_acc.UnderWater != 0)
        {
            // Still under water at the end: the episode lasts to the last point.
            var duration = _bars.PointTime(count) - _bars.PointTime(_acc.PeakPoint);
            _acc.LongestDrawdownTicks = duration > _acc.LongestDrawdownTicks ? duration : _acc.LongestDrawdownTicks;
        }
    }

    /// <summary>
    /// The common case in a tight loop on locals (the simulation's fields live in memory, and a field update per figure
    /// per bar doubled the cost of a bar): an open position, no pending signal and bars that are quiet
    /// (<see cref="IsQuiet"/>), each bar's close fed to the rule as <see cref="CloseOfBar"/> does and its equity point
    /// added as <see cref="AddPoint"/> does. Stops before a bar that is not quiet and before the last bar (the end of the
    /// test), and after a bar whose close signals; returns the next bar to replay.
    /// </summary>
    private int QuietStretch(int bar)
    {
        var last = _bars.Count - 1;
        var direction = _direction;
        var lots = _lots;
        var entry = _entry;
        var cash = _cash;
        var valueN = _c.ValueN;
        var valueD = _c.ValueD;
        var target = _c.ReturnTarget;
        var ready = _combination.FirstReadyBar;
        var previousSign = _previousSign;
        var previous = _previousEquity;
        var equitySum = _acc.EquitySumCents;
        var returns = _acc.ReturnCount;
        var sum = _acc.ReturnSum;
        var squares = _acc.ReturnSquares;
        var downside = _acc.DownsideSquares;
        var first = _acc.FirstReturn;
        var allEqual = _acc.ReturnsAllEqual;
        var peak = _acc.PeakCents;
        var peakPoint = _acc.PeakPoint;
        var trough = _trough;
        var underWater = _acc.UnderWater;
        var deepest = _acc.DeepestDrawdown;
        var longest = _acc.LongestDrawdownTicks;
        var inMarket = _acc.BarsInMarket;
        var signalled = false;
        while (bar < last && !signalled && IsQuiet(bar, _bars.Flags(bar)))
        {
            if (bar >= ready)
            {
                var sign = SignAt(bar);
                if (sign != 0)
                {
                    signalled = previousSign != 0 && sign != previousSign;
                    previousSign = sign;
                }
            }

            inMarket++;
            var mark = direction > 0 ? _bars.Bid(bar, BarPrice.Close) : _bars.Ask(bar, BarPrice.Close);
            var equity = ExactMath.RoundHalfEven((cash * valueD) + ((mark - entry) * lots * direction * valueN), valueD);
            var point = bar + 1;
            equitySum += equity;
            if (previous > 0)
            {
                var value = (double)(equity - previous) / previous;
                returns++;
                sum += value;
                squares += value * value;
                // Branch-free: whether a return is below the target is a coin flip, and a mispredicted branch per bar costs more than the multiply.
                var below = Math.Min(value - target, 0);
                downside += below * below;

                if (returns == 1)
                {
                    first = value;
                }
                else if (value != first)
                {
                    allEqual = 0;
                }
            }

            previous = equity;
            if (equity >= peak)
            {
                if (underWater != 0)
                {
                    var duration = _bars.PointTime(point) - _bars.PointTime(peakPoint);
                    longest = duration > longest ? duration : longest;
                    underWater = 0;
                }

                peak = equity;
                peakPoint = point;
                trough = equity;
            }
            else
            {
                underWater = 1;
                if (equity < trough)
                {
                    trough = equity;
                    var drawdown = (double)(peak - equity) / peak;
                    deepest = drawdown > deepest ? drawdown : deepest;
                }
            }

            bar++;
        }

        _previousSign = previousSign;
        _previousEquity = previous;
        _acc.EquitySumCents = equitySum;
        _acc.ReturnCount = returns;
        _acc.ReturnSum = sum;
        _acc.ReturnSquares = squares;
        _acc.DownsideSquares = downside;
        _acc.FirstReturn = first;
        _acc.ReturnsAllEqual = allEqual;
        _acc.PeakCents = peak;
        _acc.PeakPoint = peakPoint;
        _trough = trough;
        _acc.UnderWater = underWater;
        _acc.DeepestDrawdown = deepest;
        _acc.LongestDrawdownTicks = longest;
        _acc.BarsInMarket = inMarket;
        if (signalled)
        {
            SetPending(previousSign);
        }

        return bar;
    }

    // ---- signals (CrossoverRule) ----

    private readonly int SignAt(int bar)
    {
        var fast = _bars.Indicator(_combination.FastRow, bar);
        var slow = _bars.Indicator(_combination.SlowRow, bar);
        return fast > slow ? 1 : fast < slow ? -1 : 0;
    }

    /// <summary>The rule's update at a replayed bar's close: a cross sets the target the next bar's open trades.</summary>
    private void CloseOfBar(int bar)
    {
        if (bar < _combination.FirstReadyBar)
        {
            return;
        }

        var sign = SignAt(bar);
        var previous = _previousSign;
        if (sign != 0)
        {
            _previousSign = sign;
        }

        if (previous != 0 && sign != 0 && sign != previous)
        {
            SetPending(sign);
        }
    }

    /// <summary>
    /// Feeds the rule the closes from <paramref name="from"/> on and returns the first bar whose close signals (the
    /// target is then pending), or <see cref="ICrossoverBars.Count"/>. Between two signals the rule's last nonzero sign
    /// stays the same, so the next signal is simply the first bar where the averages are the other way round.
    /// </summary>
    private int NextSignalBar(int from)
    {
        var count = _bars.Count;
        var bar = from > _combination.FirstReadyBar ? from : _combination.FirstReadyBar;
        if (_previousSign == 0)
        {
            // The first bar with both averages (and a side) only records which side is up.
            while (bar < count && _previousSign == 0)
            {
                _previousSign = SignAt(bar);
                bar++;
            }

            if (_previousSign == 0)
            {
                return count;
            }
        }

        if (bar >= count)
        {
            return count;
        }

        var cross = _bars.FindCross(_combination.FastRow, _combination.SlowRow, bar, -_previousSign);
        if (cross >= count)
        {
            return count;
        }

        _previousSign = -_previousSign;
        SetPending(_previousSign);
        return cross;
    }

    private void SetPending(int sign)
    {
        _pending = true;
        _target = sign > 0 ? 1 : _combination.AllowShort != 0 ? -1 : 0;
    }

    // ---- one bar (BacktestEngine.Replay) ----

    private void ReplayBar(int bar)
    {
        var flags = _bars.Flags(bar);
        if (!_pending && IsQuiet(bar, flags))
        {
            // No quote of this bar can fund, roll the day or trigger anything: replaying it would change nothing.
            return;
        }

        OnQuote(bar, BarPrice.Open, 0);
        if (_pending)
        {
            _pending = false;
            Trade(bar, _target);
        }

        var highFirst = (flags & BarFlags.HighFirst) != 0;
        if (_direction != 0 && _stop != 0 && _take != 0 && ReachesBoth(bar))
        {
            // Stop-loss first: the adverse extreme (the low for a long) is visited before the favourable one.
            highFirst = _direction < 0;
        }

        var first = highFirst ? BarPrice.High : BarPrice.Low;
        var second = highFirst ? BarPrice.Low : BarPrice.High;
        if (!BarFlags.Same(flags, BarPrice.Open, first))
        {
            OnQuote(bar, first, 1);
        }

        if (!BarFlags.Same(flags, first, second))
        {
            OnQuote(bar, second, 2);
        }

        if (!BarFlags.Same(flags, second, BarPrice.Close))
        {
            OnQuote(bar, BarPrice.Close, 3);
        }
    }

    /// <summary>
    /// Whether an open position's bar is a no-op: on the day already rolled and funded, and with the mark at both
    /// extremes short of the liquidation price, the stop-loss and the take-profit (the common case, and one check
    /// instead of four quotes).
    /// </summary>
    private readonly bool IsQuiet(int bar, int flags)
    {
        var day = _bars.Day(bar, 0);
        if ((flags & BarFlags.Bounded) == 0 || day != _tradingDay || day != _fundingDay)
        {
            return false;
        }

        if (_direction > 0)
        {
            var low = _bars.Bid(bar, BarPrice.Low);
            return (_liquidation <= 0 || low > _liquidation) && (_stop == 0 || low > _stop) && (_take == 0 || _bars.Bid(bar, BarPrice.High) < _take);
        }

        var high = _bars.Ask(bar, BarPrice.High);
        return (_liquidation <= 0 || high < _liquidation) && (_stop == 0 || high < _stop) && (_take == 0 || _bars.Ask(bar, BarPrice.Low) > _take);
    }

    private readonly bool ReachesBoth(int bar) => _direction > 0
        ? _bars.Bid(bar, BarPrice.Low) <= _stop && _bars.Bid(bar, BarPrice.High) >= _take
        : _bars.Ask(bar, BarPrice.High) >= _stop && _bars.Ask(bar, BarPrice.Low) <= _take;

    /// <summary>Funding, the day roll, then liquidation, stop-loss and take-profit at one quote.</summary>
    private void OnQuote(int bar, int price, int point)
    {
        var bid = _bars.Bid(bar, price);
        var ask = _bars.Ask(bar, price);
        var day = _bars.Day(bar, point);
        if (day != _fundingDay && _direction != 0 && _c.FundingN != 0)
        {
            var days = day - _fundedDay;
            if (days > 0)
            {
                var mark = _direction > 0 ? bid : ask;
                _cash += ExactMath.RoundHalfEven(-_direction * _lots * mark * days * _c.FundingN, _c.FundingD);
                _fundedDay = day;
            }
        }

        _fundingDay = day;
        if (_tradingDay != day)
        {
            _dayStart = EquityAt(bid, ask);
            _tradingDay = day;
        }

        if (_direction == 0)
        {
            return;
        }

        var markPrice = _direction > 0 ? bid : ask;
        if (_liquidation > 0 && (_direction > 0 ? markPrice <= _liquidation : markPrice >= _liquidation))
        {
            _acc.Liquidations++;
            CloseAtMarket(bid, ask);
        }
        else if (_stop != 0 && (_direction > 0 ? markPrice <= _stop : markPrice >= _stop))
        {
            _acc.StopLosses++;
            CloseAtMarket(bid, ask);
        }
        else if (_take != 0 && (_direction > 0 ? markPrice >= _take : markPrice <= _take))
        {
            _acc.TakeProfits++;
            var side = -_direction;
            var fill = side < 0 ? ExactMath.Max(_take, bid) : ExactMath.Min(_take, ask);
            Book(side, _lots, fill, side > 0 ? ask : bid, taker: false, 0, 0, 0);
        }
    }

    private void CloseAtMarket(long bid, long ask)
    {
        var side = -_direction;
        var touch = side > 0 ? ask : bid;
        Book(side, _lots, MarketPrice(side, touch, _lots, worst: false), touch, taker: true, 0, 0, 0);
    }

    // ---- a signal's order (StrategyTrader.Trade, ExecutionSimulator.Place) ----

    private void Trade(int bar, int wanted)
    {
        var held = _direction;
        if (held == wanted)
        {
            return;
        }

        var bid = _bars.Bid(bar, BarPrice.Open);
        var ask = _bars.Ask(bar, BarPrice.Open);
        var closing = held != 0 ? _lots : 0;
        var opening = 0L;
        if (wanted != 0)
        {
            var equity = EquityAt(bid, ask);
            var dayLoss = _dayStart - equity;
            // dayLoss ≥ dayStart × maxDailyLoss / 100, in integers.
            if (_c.DailyLossN > 0 && dayLoss * 100 * _c.DailyLossD >= _dayStart * _c.DailyLossN)
            {
                _acc.Refusals++;
            }
            else
            {
                opening = SizeLots(equity, wanted > 0 ? ask : bid);
            }
        }

        var total = closing + opening;
        if (total == 0)
        {
            return;
        }

        var side = wanted != 0 ? wanted : -held;
        var touch = side > 0 ? ask : bid;
        var stop = 0L;
        var take = 0L;
        if (opening > 0)
        {
            stop = ProtectionLevel(touch, _c.StopN, _c.StopD, -side);
            take = ProtectionLevel(touch, _c.TakeN, _c.TakeD, side);
        }

        if (_c.OrdersRefused != 0
            || total > _c.MaxLots
            || total < _c.MinLots
            || stop > _c.MaxPlausibleTicks
            || take > _c.MaxPlausibleTicks
            || (stop != 0 && (side > 0 ? stop >= touch : stop <= touch))
            || (take != 0 && (side > 0 ? take <= touch : take >= touch))
            || !MarginAllows(side, total, bid, ask, touch))
        {
            _acc.Refusals++;
            return;
        }

        if (total > _c.TopOfBookLots)
        {
            _acc.Status |= FastPathStatus.PartialFill;
            return;
        }

        Book(side, total, MarketPrice(side, touch, total, worst: false), touch, taker: true, _bars.Day(bar, 0), stop, take);
    }

    /// <summary>PositionSizing.Quantity in lots: the risk budget over the stop distance, capped by leverage × 98 % and the maximum, 0 below the minimum.</summary>
    private readonly long SizeLots(long equity, long price)
    {
        if (equity <= 0 || price <= 0)
        {
            return 0;
        }

        var byRisk = ExactMath.FloorDiv(equity * _c.RiskN, price * _c.RiskD);
        var byMargin = ExactMath.FloorDiv(equity * _c.HeadroomN, price * _c.HeadroomD);
        var lots = ExactMath.Min(ExactMath.Min(byRisk, byMargin), _c.MaxLots);
        return lots < _c.MinLots ? 0 : lots;
    }

    /// <summary>A stop-loss (toward = −side) or take-profit (toward = side) distance from the entry touch, on the tick; 0 for none.</summary>
    private static long ProtectionLevel(long reference, long percentN, long percentD, long toward)
    {
        if (percentN == 0)
        {
            return 0;
        }

        var level = ExactMath.RoundHalfAway(reference * ((100 * percentD) + (toward * percentN)), 100 * percentD);
        return level > 0 ? level : 0;
    }

    /// <summary>
    /// OrderEntry.EnsureMargin for a market order with no other working order, in units of 1 / (value
    /// denominator × leverage) cents so that every term is an integer: refused when the free margin after it (resting
    /// or filled at the worst slippage, whichever is lower) is negative and below the free margin now.
    /// </summary>
    private bool MarginAllows(int side, long total, long bid, long ask, long touch)
    {
        var scale = _c.ValueD * _c.Leverage;
        var mark = _direction > 0 ? bid : ask;
        var unrealised = _direction != 0 ? (mark - _entry) * _lots * _direction * _c.ValueN : 0;
        var margin = _direction != 0 ? _lots * _entry * _c.ValueN : 0;
        var equity = ExactMath.RoundHalfEven((_cash * _c.ValueD) + unrealised, _c.ValueD);
        var used = ExactMath.RoundHalfEven(margin, scale);
        var available = ExactMath.RoundHalfEven((_cash * scale) + (unrealised * _c.Leverage) - margin, scale) * scale;
        var reduce = _direction != 0 && _direction != side ? _lots : 0;
        var increase = total - reduce;

        var resting = (equity * scale) - (used * scale) - (increase * touch * _c.ValueN);
        var worst = MarketPrice(side, touch, total, worst: true);
        var opposite = side > 0 ? bid : ask;
        var filled = (equity * scale)
            - (Commission(total, worst) * scale)
            - (side * (worst - mark) * reduce * _c.ValueN * _c.Leverage)
            + (side * (opposite - worst) * increase * _c.ValueN * _c.Leverage)
            - ((used * scale) - (reduce > 0 ? margin : 0) + (increase * worst * _c.ValueN));
        var after = ExactMath.Min(resting, filled);
        if (_c.LeverageExact == 0
            && ((increase > 0 && (resting == 0 || resting == available)) || filled == 0 || filled == available))
        {
            // The engine's decimals divide by the leverage inexactly (the resting reservation when the order adds
            // exposure, the filled margins always): a tie with zero or with the free margin could go either way there.
            _acc.Status |= FastPathStatus.Ambiguous;
        }

        return after >= 0 || after >= available;
    }

    // ---- fills (ExecutionCosts, PositionKeeper.Book) ----

    /// <summary>The touch moved against the order by the slippage fraction, rounded to the tick, never better than the touch.</summary>
    private readonly long MarketPrice(int side, long touch, long lots, bool worst)
    {
        var slip = _c.SlipBase + (_c.SlipPerLot * lots) + (worst ? _c.SlipWorst : 0);
        slip = slip < 0 ? 0 : slip > _c.SlipMax ? _c.SlipMax : slip;
        var price = ExactMath.RoundHalfAway(touch * (_c.SlipD + (side * slip)), _c.SlipD);
        return side > 0 ? ExactMath.Max(price, touch) : ExactMath.Min(price, touch);
    }

    private readonly long Commission(long lots, long price) =>
        ExactMath.Max(ExactMath.RoundHalfEven(lots * price * _c.CommissionN, _c.CommissionD), _c.MinCommissionCents);

    /// <summary>
    /// Books one fill: closes the opposite position (realised P&amp;L, its share of the commission, the round trip), then
    /// opens the rest with <paramref name="stop"/> and <paramref name="take"/>, opened (for funding) on <paramref name="day"/>.
    /// </summary>
    private void Book(int side, long lots, long price, long touch, bool taker, int day, long stop, long take)
    {
        var commission = Commission(lots, price);
        _acc.FeesCents += commission;
        _acc.NotionalTickLots += lots * price;
        if (taker)
        {
            _acc.SlippageTickLots += ExactMath.Abs(price - touch) * lots;
        }

        var remaining = lots;
        var commissionLeft = commission;
        if (_direction != 0 && _direction != side)
        {
            // Every order that meets the position closes all of it (a signal's order, a stop, the end of the test).
            var closing = _lots;
            var part = closing == lots ? commission : ExactMath.RoundHalfEven(commission * closing, lots);
            commissionLeft -= part;
            remaining -= closing;
            var realised = ExactMath.RoundHalfEven((price - _entry) * closing * _direction * _c.ValueN, _c.ValueD);
            _cash += realised - part;
            RecordTrade(realised - _entryCommission - part);
            _direction = 0;
            _lots = 0;
            _stop = 0;
            _take = 0;
            _liquidation = 0;
        }

        if (remaining > 0)
        {
            _direction = side;
            _lots = remaining;
            _entry = price;
            _stop = stop;
            _take = take;
            _liquidation = LiquidationPrice(price, side);
            _entryCommission = commissionLeft;
            _fundedDay = day;
            _cash -= commissionLeft;
        }
    }

    /// <summary>PositionKeeper.LiquidationPrice: entry × (1 ∓ (1 / leverage − maintenance margin)), on the tick, not below zero.</summary>
    private long LiquidationPrice(long entry, int side)
    {
        var numerator = entry * (side > 0 ? _c.LiquidationLongN : _c.LiquidationShortN);
        if (_c.LeverageExact == 0 && ExactMath.IsHalfway(numerator, _c.LiquidationD))
        {
            _acc.Status |= FastPathStatus.Ambiguous;
        }

        return ExactMath.Max(ExactMath.RoundHalfAway(numerator, _c.LiquidationD), 0);
    }

    private void RecordTrade(long net)
    {
        _acc.Trades++;
        if (net > 0)
        {
            if (_acc.Wins == 0 || net > _acc.LargestWinCents)
            {
                _acc.LargestWinCents = net;
            }

            _acc.Wins++;
            _acc.GrossWinCents += net;
        }
        else if (net < 0)
        {
            if (_acc.Losses == 0 || net < _acc.LargestLossCents)
            {
                _acc.LargestLossCents = net;
            }

            _acc.Losses++;
            _acc.GrossLossCents += net;
        }
    }

    /// <summary>Cash plus the open position marked at the bid (long) or ask (short), rounded to the cent as one sum (MarginCalculator).</summary>
    private readonly long EquityAt(long bid, long ask)
    {
        if (_direction == 0)
        {
            return _cash;
        }

        var mark = _direction > 0 ? bid : ask;
        return ExactMath.RoundHalfEven((_cash * _c.ValueD) + ((mark - _entry) * _lots * _direction * _c.ValueN), _c.ValueD);
    }

    private void GuardRange()
    {
        if (_cash > CashLimit || _cash < -CashLimit || _acc.NotionalTickLots > SumLimit || _acc.SlippageTickLots > SumLimit || _acc.EquitySumCents > SumLimit || _acc.EquitySumCents < -SumLimit)
        {
            _acc.Status |= FastPathStatus.OutOfRange;
        }
    }

    // ---- the equity curve's figures (EquityCurve, Drawdowns, ReturnStatistics), online ----

    private void StartCurve(long equity)
    {
        _acc.EquitySumCents = equity;
        _acc.PeakCents = equity;
        _acc.PeakPoint = 0;
        _trough = equity;
        _acc.ReturnsAllEqual = 1;
        _previousEquity = equity;
    }

    private void AddPoint(int point, long equity)
    {
        _acc.EquitySumCents += equity;
        if (_previousEquity > 0)
        {
            AddReturn((double)(equity - _previousEquity) / _previousEquity);
        }

        _previousEquity = equity;
        if (equity >= _acc.PeakCents)
        {
            if (_acc.UnderWater != 0)
            {
                var duration = _bars.PointTime(point) - _bars.PointTime(_acc.PeakPoint);
                if (duration > _acc.LongestDrawdownTicks)
                {
                    _acc.LongestDrawdownTicks = duration;
                }

                _acc.UnderWater = 0;
            }

            _acc.PeakCents = equity;
            _acc.PeakPoint = point;
            _trough = equity;
        }
        else
        {
            _acc.UnderWater = 1;
            if (equity < _trough)
            {
                // A correctly rounded quotient grows with its numerator: the episode's deepest point is its lowest equity.
                _trough = equity;
                var drawdown = (double)(_acc.PeakCents - equity) / _acc.PeakCents;
                if (drawdown > _acc.DeepestDrawdown)
                {
                    _acc.DeepestDrawdown = drawdown;
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> points, the last of them <paramref name="lastPoint"/>, all equal to the point before them
    /// (nothing happened): zero returns, and a peak that only moves forward in time if the curve stands at it.
    /// </summary>
    private void AddFlatPoints(int count, int lastPoint)
    {
        var equity = _previousEquity;
        _acc.EquitySumCents += count * equity;
        if (equity > 0)
        {
            AddZeroReturns(count);
        }

        if (_acc.UnderWater == 0)
        {
            _acc.PeakPoint = lastPoint;
        }
    }

    private void AddReturn(double value)
    {
        _acc.ReturnCount++;
        // Plain sums, not Welford's update: its division sits on the loop-carried chain of every bar and cost a third of
        // the loop. Σr² − (Σr)²/n only loses digits when |mean| is many standard deviations, which per-period trading
        // returns never are (a curve of equal returns, zeros included, is detected exactly instead).
        _acc.ReturnSum += value;
        _acc.ReturnSquares += value * value;
        var below = Math.Min(value - _c.ReturnTarget, 0);
        _acc.DownsideSquares += below * below;

        if (_acc.ReturnCount == 1)
        {
            _acc.FirstReturn = value;
        }
        else if (value != _acc.FirstReturn)
        {
            _acc.ReturnsAllEqual = 0;
        }
    }

    /// <summary>Adds <paramref name="count"/> returns of exactly zero in O(1): they change neither sum.</summary>
    private void AddZeroReturns(int count)
    {
        var before = _acc.ReturnCount;
        _acc.ReturnCount = before + count;
        if (_c.ReturnTarget > 0)
        {
            _acc.DownsideSquares += count * _c.ReturnTarget * _c.ReturnTarget;
        }

        if (before == 0)
        {
            _acc.FirstReturn = 0;
        }
        else if (_acc.FirstReturn != 0)
        {
            _acc.ReturnsAllEqual = 0;
        }
    }
}
