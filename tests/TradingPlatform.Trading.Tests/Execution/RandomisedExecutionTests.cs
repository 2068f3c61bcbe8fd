using System.Globalization;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Tests.Support;

namespace TradingPlatform.Trading.Tests.Execution;

/// <summary>
/// Thousands of random orders (valid and not), modifications, cancellations, closes, protection changes, cash
/// movements, funding and expiries over random tick paths with gaps on several accounts. After every operation the
/// touched account keeps its invariants (<see cref="Invariants"/>); after every accepted order that adds exposure its
/// free margin is not negative. Any exception other than a <see cref="TradingException"/> fails the run.
/// </summary>
public sealed class RandomisedExecutionTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T15:00:00Z", CultureInfo.InvariantCulture); // Monday

    // Two always-open markets, plus markets that close during the run (AAPL at 21:00 UTC, Globex 22:00–23:00, forex never here).
    private static readonly string[] Symbols = ["BTC-USD", "ETH-USD", "BTC-USD", "ETH-USD", "AAPL", "EURUSD", "BTC-FUT", "XAU-USD"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_operations_keep_every_account_consistent(int seed)
    {
        var run = new Run(seed);
        var stats = run.Execute(operations: 3_000);

        foreach (var book in run.Books)
        {
            Invariants.AssertAll(book);
        }

        // The run must have exercised the engine, not only its validation.
        Assert.True(stats.Accepted > 300, $"only {stats.Accepted} orders accepted: " + string.Join(", ", run.Reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key}={r.Value}")));
        Assert.True(stats.Refused > 50, $"only {stats.Refused} refusals");
        Assert.True(run.Books.Sum(book => book.NewFills.Count) > 300);
        Assert.True(run.Books.Sum(book => book.NewOrders.Count(order => order.Status == OrderStatus.PartiallyFilled || order.History.Any(change => change.To == OrderStatus.PartiallyFilled))) > 5);
        Assert.Contains(run.Books.SelectMany(book => book.NewOrders), order => order.Status == OrderStatus.Expired);
        Assert.Contains(run.Books.SelectMany(book => book.NewPositions), position => position.CloseReason is PositionCloseReason.StopLoss or PositionCloseReason.TakeProfit);
    }

    private sealed record Stats(int Accepted, int Refused);

    private sealed class Run
    {
        private readonly Random _random;
        private readonly TestMarket _market = new();
        private readonly Dictionary<string, decimal> _mid = [];
        private DateTimeOffset _now = Start;
        private int _accepted;
        private int _refused;

        public Run(int seed)
        {
            _random = new Random(seed);
            foreach (var instrument in InstrumentCatalog.Defaults)
            {
                _mid[instrument.Symbol] = instrument.InitialPrice;
                _market.Set(Quotes.AroundMid(instrument, instrument.InitialPrice, _now));
            }

            Books =
            [
                Support.Books.Funded(5_000m, _now, maxLeverage: 100),
                Support.Books.Funded(50_000m, _now, maxLeverage: 20, maxDailyLoss: 2_000m),
                Support.Books.Funded(500_000m, _now, maxLeverage: 5),
                Support.Books.Funded(20_000m, _now, maxLeverage: 1),
            ];
        }

        public List<AccountBook> Books { get; }

        public Dictionary<string, int> Reasons { get; } = [];

        public Stats Execute(int operations)
        {
            for (var i = 0; i < operations; i++)
            {
                _now = _now.AddSeconds(_random.Next(1, 25));
                var book = Books[_random.Next(Books.Count)];
                var roll = _random.Next(100);
                try
                {
                    switch (roll)
                    {
                        case < 38: Tick(); break;
                        case < 70: PlaceRandomOrder(book); break;
                        case < 78: ModifyRandomOrder(book); break;
                        case < 85: CancelRandomOrder(book); break;
                        case < 90: CloseRandomPosition(book); break;
                        case < 95: ChangeRandomProtection(book); break;
                        case < 97: MoveCash(book); break;
                        case < 99: ExecutionSimulator.SettleFunding(book, _market, _now); break;
                        default: ExecutionSimulator.ExpireOrders(book, _now); break;
                    }
                }
                catch (TradingException error)
                {
                    _refused++;
                    var key = $"{roll / 10}:{error.Kind}:{error.Field}";
                    Reasons[key] = Reasons.GetValueOrDefault(key) + 1;
                }

                // A tick touches every account: all are checked every tenth operation (and at the end), the touched one always.
                Invariants.AssertAll(book);
                if (i % 10 == 0)
                {
                    Books.ForEach(Invariants.AssertAll);
                }
            }

            return new Stats(_accepted, _refused);
        }

        private void Tick()
        {
            var instrument = _market.Instrument(Symbols[_random.Next(Symbols.Length)]);
            if (!instrument.Hours.IsOpen(_now))
            {
                return;
            }

            var mid = _mid[instrument.Symbol];
            var move = _random.NextDouble() < 0.03
                ? (_random.Next(2) == 0 ? -1 : 1) * (0.01 + _random.NextDouble() * 0.04) // a gap
                : Gaussian() * 0.002;
            mid = Math.Max(instrument.TickSize * 100m, mid * (1m + (decimal)move));
            _mid[instrument.Symbol] = mid;
            var size = _random.Next(4) switch
            {
                0 => instrument.MinQuantity * _random.Next(0, 5),
                1 => instrument.TopOfBookSize * 2m,
                _ => instrument.FloorToLot(instrument.TopOfBookSize * (decimal)_random.NextDouble()),
            };
            var quote = _market.Set(Quotes.AroundMid(instrument, mid, _now, size));
            foreach (var book in Books)
            {
                ExecutionSimulator.OnQuote(book, quote, _market, _now);
            }
        }

        private void PlaceRandomOrder(AccountBook book)
        {
            var instrument = _market.Instrument(Symbols[_random.Next(Symbols.Length)]);
            var quote = _market.LatestQuote(instrument.Symbol)!;
            var side = _random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var type = (OrderType)_random.Next(5);
            var touch = side == OrderSide.Buy ? quote.Ask : quote.Bid;
            var away = side == OrderSide.Buy ? 1m : -1m;
            var maxLeverage = Math.Min(book.Account.MaxLeverage, instrument.MaxLeverage);
            int? leverage = _random.Next(10) switch
            {
                < 3 => null,
                < 9 => _random.Next(1, maxLeverage + 1),
                _ => _random.Next(2) == 0 ? 0 : maxLeverage + 1, // refused
            };
            var request = new OrderRequest
            {
                Symbol = instrument.Symbol, Type = type, Side = side, Quantity = Quantity(instrument, book, leverage ?? 1),
                TimeInForce = type == OrderType.TrailingStop && _random.Next(5) > 0
                    ? (_random.Next(2) == 0 ? TimeInForce.Gtc : TimeInForce.Day)
                    : (TimeInForce)_random.Next(4),
                Leverage = leverage,
                Price = type is OrderType.Limit or OrderType.StopLimit ? Price(instrument, touch * (1m + Uniform(-0.01m, 0.01m))) : null,
                StopPrice = type is OrderType.Stop or OrderType.StopLimit ? Price(instrument, touch * (1m + away * Uniform(-0.002m, 0.02m))) : null,
                TrailAmount = type == OrderType.TrailingStop && _random.Next(2) == 0 ? Price(instrument, touch * Uniform(0.001m, 0.02m)) : null,
            };
            if (type == OrderType.TrailingStop && request.TrailAmount is null)
            {
                request = request with { TrailPercent = Math.Round(Uniform(0.05m, 3m), 2) };
            }

            if (_random.Next(4) == 0)
            {
                request = request with
                {
                    StopLoss = Price(instrument, touch * (1m - away * Uniform(-0.005m, 0.05m))),
                    TakeProfit = _random.Next(2) == 0 ? Price(instrument, touch * (1m + away * Uniform(-0.005m, 0.05m))) : null,
                };
            }

            var increase = MarginCalculator.ExposureIncrease(book.OpenPosition(instrument.Symbol), side, request.Quantity);
            var order = ExecutionSimulator.Place(book, request, _market, _now);
            _accepted++;
            Assert.Contains(order, book.NewOrders);
            if (increase > 0)
            {
                Invariants.AssertFreeMarginNotNegative(book, _market);
            }
        }

        private void ModifyRandomOrder(AccountBook book)
        {
            if (Pick(book.WorkingOrders) is not { } order)
            {
                return;
            }

            var instrument = _market.Instrument(order.Symbol);
            var quote = _market.LatestQuote(order.Symbol)!;
            var touch = order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
            var change = _random.Next(3) switch
            {
                0 => new OrderModification { Quantity = Quantity(instrument, book, order.Leverage) },
                1 => new OrderModification { Price = Price(instrument, touch * (1m + Uniform(-0.01m, 0.01m))) },
                _ => new OrderModification { StopPrice = Price(instrument, touch * (1m + order.Direction * Uniform(-0.002m, 0.02m))) },
            };
            ExecutionSimulator.Modify(book, order, change, _market, _now);
        }

        private void CancelRandomOrder(AccountBook book)
        {
            if (Pick(book.WorkingOrders) is { } order)
            {
                ExecutionSimulator.Cancel(book, order, _now);
                Assert.Equal(OrderStatus.Cancelled, order.Status);
            }
        }

        private void CloseRandomPosition(AccountBook book)
        {
            if (Pick(book.OpenPositions) is not { } position)
            {
                return;
            }

            var instrument = _market.Instrument(position.Symbol);
            decimal? quantity = _random.Next(3) switch
            {
                0 => null,
                1 => instrument.FloorToLot(position.Quantity * (decimal)_random.NextDouble()),
                _ => position.Quantity + instrument.LotSize, // too much: refused
            };
            ExecutionSimulator.ClosePosition(book, position, quantity, _market, _now);
        }

        private void ChangeRandomProtection(AccountBook book)
        {
            if (Pick(book.OpenPositions) is not { } position)
            {
                return;
            }

            var instrument = _market.Instrument(position.Symbol);
            var mark = position.MarkPrice(_market.LatestQuote(position.Symbol)!);
            var setStop = _random.Next(2) == 0;
            var change = new ProtectionChange(
                setStop, _random.Next(5) == 0 ? null : Price(instrument, mark * (1m - position.Direction * Uniform(-0.005m, 0.03m))),
                !setStop || _random.Next(2) == 0, _random.Next(5) == 0 ? null : Price(instrument, mark * (1m + position.Direction * Uniform(-0.005m, 0.03m))));
            ExecutionSimulator.SetProtection(book, position, change, _market, _now);
        }

        private void MoveCash(AccountBook book)
        {
            var amount = Math.Round(Uniform(1m, 10_000m), 2);
            if (_random.Next(2) == 0)
            {
                AccountCash.Deposit(book, amount, null, _now);
            }
            else
            {
                AccountCash.Withdraw(book, amount, null, _market, _now);
                Invariants.AssertFreeMarginNotNegative(book, _market);
            }
        }

        /// <summary>Mostly valid multiples of the lot, sized to the account; sometimes off-lot, zero or too large.</summary>
        private decimal Quantity(Instrument instrument, AccountBook book, int leverage) => _random.Next(20) switch
        {
            0 => instrument.MinQuantity + instrument.LotSize / 3m,
            1 => 0m,
            2 => instrument.MaxQuantity * 2m,
            3 => instrument.TopOfBookSize * 3m, // larger than the touch: partial fills
            _ => Math.Max(instrument.MinQuantity, instrument.FloorToLot(
                Math.Min(instrument.MaxQuantity, book.Account.Balance * Uniform(0.002m, 0.25m) * leverage / _mid[instrument.Symbol]))),
        };

        /// <summary>On the tick, except one time in thirty.</summary>
        private decimal Price(Instrument instrument, decimal raw) =>
            instrument.RoundToTick(raw) + (_random.Next(30) == 0 ? instrument.TickSize / 3m : 0m);

        private T? Pick<T>(IReadOnlyList<T> items)
            where T : class => items.Count == 0 ? null : items[_random.Next(items.Count)];

        private decimal Uniform(decimal low, decimal high) => low + (high - low) * (decimal)_random.NextDouble();

        private double Gaussian() =>
            Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble())) * Math.Cos(2.0 * Math.PI * _random.NextDouble());
    }
}
