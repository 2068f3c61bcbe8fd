using System.Globalization;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies.Algorithms;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// Runs one strategy on one account, live and in backtests alike: each symbol's closed bar goes to the algorithm's
/// rule; a change of target is held until that symbol's next quote and only then turned into a market order through
/// <see cref="ExecutionSimulator.Place"/>, the venue every client order goes through, so a signal computed on a close
/// never trades at that close. The strategy's risk management sizes entries, attaches the stop-loss and take-profit,
/// and refuses new exposure once the day's loss reaches <see cref="RiskManagement.MaxDailyLoss"/> % of the day's
/// starting equity (exits are always allowed).
/// </summary>
public sealed class StrategyTrader
{
    private const int RecentRules = 8;
    private readonly StrategyParameters _parameters;
    private readonly Dictionary<string, ISignalRule> _rules = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TargetExposure> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Symbol, ISignalRule Rule)> _recent = new(RecentRules);

    public StrategyTrader(StrategyParameters parameters, RiskManagement risk, int leverage, StrategyId strategyId)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1);
        _parameters = parameters;
        Risk = risk;
        Leverage = leverage;
        StrategyId = strategyId;
    }

    public RiskManagement Risk { get; }

    public int Leverage { get; }

    public StrategyId StrategyId { get; }

    public bool HasPending(string symbol) => _pending.Count != 0 && _pending.ContainsKey(symbol);

    /// <summary>Forgets targets not yet traded (after a warm-up on history).</summary>
    public void ClearPending() => _pending.Clear();

    /// <summary>Feeds a completed bar; returns the signal when the algorithm changed its target.</summary>
    public StrategySignal? OnBarClosed(Candle bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (RuleFor(bar.Symbol) is not { } rule)
        {
            rule = _parameters.CreateRule();
            _rules[bar.Symbol] = rule;
            Remember(bar.Symbol, rule);
        }

        if (rule.OnBar(bar) is not { } target)
        {
            return null;
        }

        _pending[bar.Symbol] = target;
        return new StrategySignal(bar.Symbol, bar.CloseTime, target, bar.Close);
    }

    /// <summary>
    /// The symbol's rule. Every bar of a symbol usually carries the same string, so the rules of the last few symbols
    /// are found by reference before the case-insensitive dictionary is asked (a hash of the symbol per bar).
    /// </summary>
    private ISignalRule? RuleFor(string symbol)
    {
        foreach (var (known, rule) in _recent)
        {
            if (ReferenceEquals(known, symbol))
            {
                return rule;
            }
        }

        if (!_rules.TryGetValue(symbol, out var found))
        {
            return null;
        }

        Remember(symbol, found);
        return found;
    }

    private void Remember(string symbol, ISignalRule rule)
    {
        if (_recent.Count == RecentRules)
        {
            _recent.RemoveAt(0);
        }

        _recent.Add((symbol, rule));
    }

    /// <summary>Trades the symbol's pending target at this quote (already the market's latest); null when none was pending.</summary>
    public StrategyAction? OnQuote(AccountBook book, Quote quote, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(market);
        if (!_pending.Remove(quote.Symbol, out var target))
        {
            return null;
        }

        try
        {
            return Trade(book, quote, market, target, now);
        }
        catch (TradingException refused)
        {
            return new StrategyAction(quote.Symbol, now, target, null, refused.Message);
        }
    }

    private StrategyAction Trade(AccountBook book, Quote quote, IMarketView market, TargetExposure target, DateTimeOffset now)
    {
        var instrument = market.FindInstrument(quote.Symbol)
            ?? throw new TradingException(TradingErrorKind.Rejected, $"{quote.Symbol} is no longer in the catalog.");
        ExecutionSimulator.RollDay(book, market, now);
        // A target replaces whatever is still working from the previous one (the unfilled rest of a market order).
        // Collected first: cancelling takes an order out of the book's list.
        List<Order>? replaced = null;
        for (var i = 0; i < book.WorkingOrders.Count; i++)
        {
            var working = book.WorkingOrders[i];
            if (working.StrategyId == StrategyId && Symbol.Same(working.Symbol, quote.Symbol))
            {
                (replaced ??= []).Add(working);
            }
        }

        if (replaced is not null)
        {
            foreach (var working in replaced)
            {
                ExecutionSimulator.Cancel(book, working, now, "Replaced by the strategy's next signal");
            }
        }

        var position = book.OpenPosition(quote.Symbol);
        var held = position is null ? 0 : position.Direction;
        var wanted = (int)target;
        if (held == wanted)
        {
            return new StrategyAction(quote.Symbol, now, target, null, "Already holding the target exposure.");
        }

        var closing = held != 0 ? position!.Quantity : 0m;
        var opening = 0m;
        string? refusal = null;
        if (wanted != 0)
        {
            var side = wanted > 0 ? OrderSide.Buy : OrderSide.Sell;
            var touch = side == OrderSide.Buy ? quote.Ask : quote.Bid;
            var snapshot = MarginCalculator.Snapshot(book, market);
            var dayLoss = book.Account.DayStartEquity - snapshot.Equity;
            if (Risk.MaxDailyLoss > 0m && dayLoss >= book.Account.DayStartEquity * Risk.MaxDailyLoss / 100m)
            {
                refusal = $"The day's loss of {dayLoss.ToString("F2", CultureInfo.InvariantCulture)} USD reached the strategy's maximum daily loss of {Risk.MaxDailyLoss.ToString("G29", CultureInfo.InvariantCulture)} %; no new exposure until 00:00 UTC.";
            }
            else
            {
                // Sized on equity after the close of the current position would be the same up to its closing costs.
                opening = PositionSizing.Quantity(instrument, Risk, snapshot.Equity, touch, Leverage);
                refusal = opening == 0m ? $"The position size for {quote.Symbol} is below its minimum quantity {instrument.MinQuantity.ToString("G29", CultureInfo.InvariantCulture)}." : null;
            }
        }

        if (closing + opening == 0m)
        {
            return new StrategyAction(quote.Symbol, now, target, null, refusal);
        }

        var orderSide = (wanted != 0 ? wanted : -held) > 0 ? OrderSide.Buy : OrderSide.Sell;
        if (closing > 0m && opening > 0m && closing + opening > instrument.MaxQuantity)
        {
            // A reversal larger than one order may be: close first; open only once nothing is left of the old position
            // (a partial close leaves the reversal to the next signal rather than racing a second order against it).
            Place(book, instrument, orderSide, closing, null, null, market, now);
            if (book.OpenPosition(quote.Symbol) is not null)
            {
                return new StrategyAction(quote.Symbol, now, target, null, "The position was only partly closed; the new one is not opened.");
            }

            closing = 0m;
        }

        // Otherwise one order closes the current position and (netting) opens the new one, so a partial fill never
        // leaves a reversal half done with a second order racing it.
        var (stopLoss, takeProfit) = opening > 0m
            ? PositionSizing.Protection(instrument, Risk, orderSide, orderSide == OrderSide.Buy ? quote.Ask : quote.Bid)
            : (null, null);
        var order = Place(book, instrument, orderSide, closing + opening, stopLoss, takeProfit, market, now);
        return new StrategyAction(quote.Symbol, now, target, order.Id, refusal);
    }

    private Order Place(
        AccountBook book, Instruments.Instrument instrument, OrderSide side, decimal quantity, decimal? stopLoss, decimal? takeProfit, IMarketView market, DateTimeOffset now) =>
        ExecutionSimulator.Place(book, new OrderRequest
        {
            Symbol = instrument.Symbol, Type = OrderType.Market, Side = side, Quantity = quantity, TimeInForce = TimeInForce.Gtc,
            Leverage = Leverage, StopLoss = stopLoss, TakeProfit = takeProfit, StrategyId = StrategyId,
        }, market, now);
}
