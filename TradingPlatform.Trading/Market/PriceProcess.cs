using TradingPlatform.Trading.Instruments;
using static TradingPlatform.Trading.Market.PriceModelParameters;

namespace TradingPlatform.Trading.Market;

/// <summary>
/// One instrument's simulated price: geometric Brownian motion (no drift) whose volatility switches between a calm
/// and a volatile regime (a continuous-time Markov chain), plus Poisson-arriving jumps. Quotes add the instrument's
/// spread (wider when volatile), varying top-of-book sizes and a U-shaped intraday volume. Fully determined by the
/// seed and the sequence of timestamps it is advanced to; no I/O, no clock.
/// </summary>
public sealed class PriceProcess
{
    private readonly Random _random;
    private double _logPrice;
    private double? _spareNormal;

    public PriceProcess(Instrument instrument, decimal startPrice, DateTimeOffset startTime, int seed)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startPrice);
        Instrument = instrument;
        _random = new Random(seed);
        _logPrice = Math.Log((double)startPrice);
        Time = startTime;
    }

    public Instrument Instrument { get; private set; }

    public MarketRegime Regime { get; private set; } = MarketRegime.Calm;

    /// <summary>The instant the process has been advanced to.</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>The current fair (mid) price before rounding to the tick.</summary>
    public double FairPrice => Math.Exp(_logPrice);

    /// <summary>Takes an operator's edit of the instrument (spread, sizes, volatility) from the next step on.</summary>
    public void Update(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Instrument = instrument;
    }

    /// <summary>Moves the price to <paramref name="time"/> (no-op if it is not later than the current time).</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        var step = time - Time;
        if (step <= TimeSpan.Zero)
        {
            return;
        }

        Time = time;
        if (step > MaxStep)
        {
            step = MaxStep;
        }

        var hours = step.TotalHours;
        var switchRate = Regime == MarketRegime.Calm ? CalmToVolatilePerHour : VolatileToCalmPerHour;
        if (_random.NextDouble() < 1 - Math.Exp(-switchRate * hours))
        {
            Regime = Regime == MarketRegime.Calm ? MarketRegime.Volatile : MarketRegime.Calm;
        }

        var sigma = (double)Instrument.AnnualVolatility;
        var multiplier = (Regime == MarketRegime.Calm ? CalmVolatilityMultiplier : VolatileVolatilityMultiplier) * RegimeNormalisation;
        var diffusion = sigma * multiplier * Math.Sqrt(Math.Max(0, 1 - JumpVarianceShare));
        var years = step.TotalSeconds / SecondsPerYear;
        _logPrice += (-0.5 * diffusion * diffusion * years) + (diffusion * Math.Sqrt(years) * NextNormal());

        var jumps = NextPoisson(JumpsPerDay * step.TotalDays);
        var jumpSize = sigma * JumpSizeOfAnnualVolatility;
        for (var i = 0; i < jumps; i++)
        {
            _logPrice += (jumpSize * NextNormal()) - (0.5 * jumpSize * jumpSize);
        }

        // Never let a price fall to (or below) one tick: the model is for liquid markets.
        var floor = Math.Log((double)Instrument.TickSize * 10);
        if (_logPrice < floor)
        {
            _logPrice = floor;
        }
    }

    /// <summary>
    /// Advances to <paramref name="time"/> and quotes: bid and ask around the fair price on the tick grid, sizes near the
    /// instrument's top-of-book size, and the volume traded since the previous quote.
    /// </summary>
    public Quote QuoteAt(DateTimeOffset time)
    {
        var elapsed = time - Time;
        AdvanceTo(time);
        var instrument = Instrument;
        var tick = instrument.TickSize;
        var mid = (decimal)FairPrice;
        var spread = instrument.Spread * (Regime == MarketRegime.Volatile ? VolatileSpreadMultiplier : 1m);
        var bid = Math.Floor(mid * (1 - (spread / 2)) / tick) * tick;
        var ask = Math.Ceiling(mid * (1 + (spread / 2)) / tick) * tick;
        if (ask <= bid)
        {
            ask = bid + tick;
        }

        if (bid <= 0)
        {
            bid = tick;
            ask = bid + tick;
        }

        var bidSize = Size(instrument);
        var askSize = Size(instrument);
        var seconds = Math.Clamp(elapsed.TotalSeconds, 0, 60);
        var expected = (double)instrument.TopOfBookSize * VolumePerSecondOfTopOfBook * seconds
            * IntradayVolumeProfile.Factor(instrument.Hours, time)
            * (Regime == MarketRegime.Volatile ? VolatileVolumeMultiplier : 1);
        var volume = instrument.FloorToLot((decimal)(expected * LogNormal(0.5)));
        var last = _random.NextDouble() < 0.5 ? bid : ask;
        return new Quote(instrument.Symbol, bid, ask, last, bidSize, askSize, volume, time);
    }

    private decimal Size(Instrument instrument)
    {
        var factor = LogNormal(0.4) * (Regime == MarketRegime.Volatile ? 0.6 : 1);
        var size = instrument.FloorToLot(instrument.TopOfBookSize * (decimal)factor);
        return Math.Max(size, Math.Max(instrument.LotSize, instrument.MinQuantity));
    }

    /// <summary>exp(N(0, s²)) with mean 1.</summary>
    private double LogNormal(double s) => Math.Exp((s * NextNormal()) - (0.5 * s * s));

    private double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        // Box–Muller: two independent standard normals from two uniforms.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    private int NextPoisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        // Knuth's method; lambda stays small (at most a few jumps over MaxStep).
        var limit = Math.Exp(-lambda);
        var count = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }
}
