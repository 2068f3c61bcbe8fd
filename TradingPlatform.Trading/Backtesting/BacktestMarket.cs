using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// The market a backtest trades in: its instruments, and a quote per symbol built from the bar price being visited. The
/// quote is a spread around that price rounded outward to the tick, as the live price model quotes, with the
/// instrument's usual top-of-book size on each side. Instruments are always open here: the bars are the record of when
/// the market traded, so a bar's prices are tradeable whatever the session table says.
/// </summary>
/// <remarks>
/// The simulator asks for instruments and quotes by symbol several times per quote, nearly always with the very string
/// the instrument carries (an order's or a position's symbol is copied from it), so a listing is found by reference
/// first and only otherwise through the case-insensitive dictionary.
/// </remarks>
internal sealed class BacktestMarket : IMarketView
{
    private readonly Dictionary<string, Listing> _bySymbol = new(StringComparer.OrdinalIgnoreCase);
    private readonly Listing[] _listings;

    public BacktestMarket(IEnumerable<Instrument> instruments)
    {
        foreach (var instrument in instruments)
        {
            _bySymbol[instrument.Symbol] = new Listing(instrument with { Hours = TradingHours.AlwaysOpen, Active = true });
        }

        _listings = [.. _bySymbol.Values];
    }

    public Instrument? FindInstrument(string symbol) => Find(symbol)?.Instrument;

    public Quote? LatestQuote(string symbol) => Find(symbol)?.Latest;

    public Instrument Instrument(string symbol) => ListingOf(symbol).Instrument;

    /// <summary>The symbol's instrument, quote model and latest quote.</summary>
    public Listing ListingOf(string symbol) =>
        Find(symbol) ?? throw new ArgumentException($"No instrument {symbol} in this backtest.", nameof(symbol));

    /// <summary>Makes the quote around <paramref name="price"/> the symbol's latest.</summary>
    public Quote Set(Instrument instrument, decimal price, DateTimeOffset at)
    {
        var listing = ListingOf(instrument.Symbol);
        var quote = listing.QuoteAt(price, at);
        listing.SetLatest(quote);
        return quote;
    }

    /// <summary>Makes a recorded quote the symbol's latest, as it was (tick replay).</summary>
    public Quote Set(Quote quote)
    {
        ListingOf(quote.Symbol).SetLatest(quote);
        return quote;
    }

    /// <summary>The reference definition of a backtest quote (what <see cref="Listing.QuoteAt"/> computes faster).</summary>
    public static Quote QuoteAt(Instrument instrument, decimal price, DateTimeOffset at)
    {
        var tick = instrument.TickSize;
        var bid = Math.Floor(price * (1m - (instrument.Spread / 2m)) / tick) * tick;
        var ask = Math.Ceiling(price * (1m + (instrument.Spread / 2m)) / tick) * tick;
        if (ask <= bid)
        {
            ask = bid + tick;
        }

        if (bid <= 0m)
        {
            bid = tick;
            ask = bid + tick;
        }

        return new Quote(instrument.Symbol, bid, ask, price, instrument.TopOfBookSize, instrument.TopOfBookSize, 0m, at);
    }

    /// <summary>The symbol's listing, or null when the backtest does not trade it.</summary>
    public Listing? Find(string symbol)
    {
        foreach (var listing in _listings)
        {
            if (ReferenceEquals(listing.Instrument.Symbol, symbol))
            {
                return listing;
            }
        }

        return _bySymbol.GetValueOrDefault(symbol);
    }

    /// <summary>One instrument of the backtest, its latest quote, and what its quotes need precomputed.</summary>
    internal sealed class Listing
    {
        /// <summary>Below 2^64 a mantissa times an inverse tick of at most 2^30 fits a decimal's 96 bits: no rounding.</summary>
        private const long MaxExactInverseTick = 1L << 30;

        private readonly decimal _bidFactor;
        private readonly decimal _askFactor;
        private readonly decimal _tick;
        private readonly decimal? _inverseTick;
        private readonly TickScaler _bidScaler;
        private readonly TickScaler _askScaler;
        private decimal _price;
        private DateTimeOffset _at;
        private bool _quoted;
        private Quote? _latest;
        private (decimal Bid, decimal Ask)? _touch;

        public Listing(Instrument instrument)
        {
            Instrument = instrument;
            _tick = instrument.TickSize;
            // The very expressions of QuoteAt, so the factors are the same decimals.
            _bidFactor = 1m - (instrument.Spread / 2m);
            _askFactor = 1m + (instrument.Spread / 2m);
            if (_tick > 0m)
            {
                var inverse = 1m / _tick;
                if (inverse == Math.Floor(inverse) && inverse * _tick == 1m && inverse <= MaxExactInverseTick)
                {
                    // Floor gives the whole number scale 0, so a product keeps the scale of the price.
                    _inverseTick = Math.Floor(inverse);
                    _bidScaler = new TickScaler(_bidFactor, _inverseTick.Value, _tick);
                    _askScaler = new TickScaler(_askFactor, _inverseTick.Value, _tick);
                }
            }
        }

        public Instrument Instrument { get; }

        /// <summary>
        /// The symbol's latest quote, or null before the first. A quote nobody reads is never made: the latest price and
        /// time are kept (<see cref="MoveTo"/>) and the quote, the same one <see cref="QuoteAt"/> makes, is built when
        /// first asked for.
        /// </summary>
        public Quote? Latest => _quoted ? _latest ??= QuoteAt(_price, _at) : null;

        /// <summary>Whether the symbol has a latest quote.</summary>
        public bool IsQuoted => _quoted;

        /// <summary>Makes <paramref name="quote"/> (made by <see cref="QuoteAt"/>) the latest.</summary>
        public void SetLatest(Quote quote)
        {
            _price = quote.Last;
            _at = quote.Timestamp;
            _quoted = true;
            _latest = quote;
            _touch = (quote.Bid, quote.Ask);
        }

        /// <summary>Makes the quote of <paramref name="price"/> at <paramref name="at"/> the latest, without making it yet.</summary>
        public void MoveTo(decimal price, DateTimeOffset at)
        {
            // The same price (value and scale: the quote's Last keeps the scale) has the same bid and ask.
            if (!(_quoted && price == _price && price.Scale == _price.Scale))
            {
                _touch = null;
            }

            _price = price;
            _at = at;
            _quoted = true;
            _latest = null;
        }

        /// <summary>The mark of a position on the latest quote (<see cref="Positions.Position.MarkPrice"/>); the symbol must be quoted.</summary>
        public decimal LatestMark(Positions.PositionSide side)
        {
            if (_touch is { } touch)
            {
                return side == Positions.PositionSide.Long ? touch.Bid : touch.Ask;
            }

            if (side == Positions.PositionSide.Long)
            {
                // A long is marked at the bid, which needs no ask (see Mark); the full touch is left for a short or a quote.
                return Mark(side, _price);
            }

            _touch = Touch(_price);
            return _touch.Value.Ask;
        }

        /// <summary>
        /// Exactly <see cref="BacktestMarket.QuoteAt"/>. Where the tick is 1 / n for a whole n (0.01, 0.25, 0.00001), x / tick
        /// and x × n are the same number whenever x × n is exact, which it is for a mantissa below 2^64; Floor and
        /// Ceiling then give the same whole decimal (scale 0) either way, so bid and ask are bit for bit the reference
        /// ones, without its two decimal divisions. Any other tick or price takes the reference path.
        /// </summary>
        public Quote QuoteAt(decimal price, DateTimeOffset at)
        {
            var (bid, ask) = Touch(price);
            return new Quote(Instrument.Symbol, bid, ask, price, Instrument.TopOfBookSize, Instrument.TopOfBookSize, 0m, at);
        }

        /// <summary>
        /// Whether bid and ask never fall as the price rises (a positive tick, a spread below 200 %): then the lowest and
        /// the highest mark a bar can give are those of its low and its high. Every step of <see cref="Touch"/> is
        /// monotone then: a product by a positive factor, a quotient by a positive tick (both correctly rounded), Floor,
        /// Ceiling, and the clamps at the tick.
        /// </summary>
        public bool IsMonotone => _tick > 0m && _bidFactor > 0m && _askFactor > 0m;

        /// <summary>The bid and the ask of <see cref="QuoteAt"/>, without the quote.</summary>
        public (decimal Bid, decimal Ask) Touch(decimal price)
        {
            var bid = RawBid(price);
            var ask = RawAsk(price);
            if (ask <= bid)
            {
                ask = bid + _tick;
            }

            if (bid <= 0m)
            {
                bid = _tick;
                ask = bid + _tick;
            }

            return (bid, ask);
        }

        /// <summary>The price a position is marked at (<see cref="Positions.Position.MarkPrice"/>) on the quote of <paramref name="price"/>.</summary>
        public decimal Mark(Positions.PositionSide side, decimal price)
        {
            if (side == Positions.PositionSide.Short)
            {
                return Touch(price).Ask;
            }

            // Touch's bid: the clamps that move the ask leave the bid alone.
            var bid = RawBid(price);
            return bid <= 0m ? _tick : bid;
        }

        private decimal RawBid(decimal price)
        {
            if (_bidScaler.TryScale(price, ceiling: false, out var bid))
            {
                return bid;
            }

            var low = price * _bidFactor;
            return _inverseTick is { } inverse && HasSmallMantissa(low) ? Math.Floor(low * inverse) * _tick : Math.Floor(low / _tick) * _tick;
        }

        private decimal RawAsk(decimal price)
        {
            if (_askScaler.TryScale(price, ceiling: true, out var ask))
            {
                return ask;
            }

            var high = price * _askFactor;
            return _inverseTick is { } inverse && HasSmallMantissa(high) ? Math.Ceiling(high * inverse) * _tick : Math.Ceiling(high / _tick) * _tick;
        }

        /// <summary>Whether the 96-bit mantissa is below 2^64 (its high word is zero).</summary>
        private static bool HasSmallMantissa(decimal value)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            return bits[2] == 0;
        }

        /// <summary>
        /// Floor (or Ceiling) of price × factor / tick, times the tick, in 64-bit integers. For a positive price of
        /// mantissa m and scale s, a factor of mantissa f and scale e, and a tick of 1 / n, price × factor / tick is
        /// m × f × n / 10^(s + e) exactly (and the decimal product price × factor is exact too, its mantissa being below
        /// that numerator), so the whole number of ticks is an integer division; Floor(…) × tick is that whole number
        /// (scale 0) times the tick, that is its product with the tick's mantissa at the tick's scale, which is what is
        /// built here bit for bit. Declines (the decimal path decides) whenever a number would not fit.
        /// </summary>
        private readonly struct TickScaler
        {
            private static readonly ulong[] PowersOfTen = [.. Enumerable.Range(0, 20).Select(k => (ulong)Math.Pow(10, k))];

            private readonly ulong _multiplier;
            private readonly int _factorScale;
            private readonly ulong _tickMantissa;
            private readonly byte _tickScale;
            private readonly bool _enabled;

            public TickScaler(decimal factor, decimal inverseTick, decimal tick)
            {
                if (factor <= 0m || !Mantissa(factor, out var f, out _factorScale) || !Mantissa(inverseTick, out var n, out var inverseScale) || inverseScale != 0
                    || !Mantissa(tick, out _tickMantissa, out var tickScale) || Math.BigMul(f, n, out _multiplier) != 0)
                {
                    return;
                }

                _tickScale = (byte)tickScale;
                _enabled = true;
            }

            public bool TryScale(decimal price, bool ceiling, out decimal result)
            {
                result = 0m;
                if (!_enabled || price < 0m || !Mantissa(price, out var mantissa, out var scale) || scale + _factorScale >= PowersOfTen.Length
                    || Math.BigMul(mantissa, _multiplier, out var numerator) != 0)
                {
                    return false;
                }

                var divisor = PowersOfTen[scale + _factorScale];
                var ticks = numerator / divisor;
                if (ceiling && ticks * divisor != numerator)
                {
                    ticks++;
                }

                var high = Math.BigMul(ticks, _tickMantissa, out var low);
                if (high > uint.MaxValue)
                {
                    return false;
                }

                result = new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)high, isNegative: false, _tickScale);
                return true;
            }

            /// <summary>The mantissa of a non-negative decimal below 2^64, and its scale.</summary>
            private static bool Mantissa(decimal value, out ulong mantissa, out int scale)
            {
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(value, bits);
                scale = (bits[3] >> 16) & 0xFF;
                mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
                return bits[2] == 0 && bits[3] >= 0;
            }
        }
    }
}
