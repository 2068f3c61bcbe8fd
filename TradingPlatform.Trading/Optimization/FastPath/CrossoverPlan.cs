using System.Numerics;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// Everything a crossover sweep's fast path needs, prepared once: the bars (<see cref="CrossoverMarket"/>), the
/// indicator rows, the integer constants and one <see cref="CrossoverCombination"/> per combination. It is only made
/// where the fast path reproduces the engine: an SMA or EMA crossover on one instrument, a balance and a minimum
/// commission in whole cents, and figures small enough that every product stays far inside 64 bits; otherwise
/// <see cref="TryCreate"/> says why and the sweep runs on the engine. The seeded random part of slippage cannot be
/// reproduced (it is keyed on the engine's order ids): the plan requires it to be 0 unless the caller accepts
/// modelling it by its mean, 0.
/// </summary>
internal sealed class CrossoverPlan
{
    private static readonly BigInteger Limit = BigInteger.One << 62;

    private CrossoverPlan(CrossoverMarket market, CrossoverIndicatorTable indicators, CrossoverConstants constants, CrossoverCombination[] combinations, MetricsContext context, bool approximate)
    {
        Market = market;
        Indicators = indicators;
        Constants = constants;
        Combinations = combinations;
        Context = context;
        Approximate = approximate;
    }

    public CrossoverMarket Market { get; }

    public CrossoverIndicatorTable Indicators { get; }

    public CrossoverConstants Constants { get; }

    public CrossoverCombination[] Combinations { get; }

    public MetricsContext Context { get; }

    /// <summary>True when the random part of slippage is modelled by its mean (the figures are then close to the engine's, not equal).</summary>
    public bool Approximate { get; }

    /// <summary>Why <paramref name="request"/> cannot run on the fast path, or null when it can.</summary>
    public static string? Unsupported(SweepRequest request, bool approximateRandomSlippage)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Settings;
        if (request.Grid.Algorithm is not (SmaCrossoverAlgorithm or EmaCrossoverAlgorithm))
        {
            return $"the fast path runs sma_crossover and ema_crossover, not {request.Grid.Algorithm.Code}";
        }

        if (settings.Instruments.Count != 1)
        {
            return $"the fast path trades one instrument; this backtest has {settings.Instruments.Count}";
        }

        var instrument = settings.Instruments[0];
        if (instrument.RandomSlippage != 0m && !approximateRandomSlippage)
        {
            return $"{instrument.Symbol}'s random slippage (±{instrument.RandomSlippage:P2}) is keyed on the engine's order ids; set it to 0 or accept its mean";
        }

        if (settings.InitialBalance <= 0m || settings.InitialBalance != Math.Round(settings.InitialBalance, 2))
        {
            return "the fast path needs an initial balance in whole cents";
        }

        if (instrument.MinCommission != Math.Round(instrument.MinCommission, 2) || instrument.TickSize <= 0m || instrument.LotSize <= 0m)
        {
            return $"the fast path needs {instrument.Symbol}'s minimum commission in whole cents and a positive tick and lot";
        }

        return settings.Leverage < 1 ? "the leverage must be at least 1" : null;
    }

    public static bool TryCreate(
        SweepRequest request,
        IReadOnlyList<ParameterCombination> combinations,
        bool approximateRandomSlippage,
        CancellationToken cancellationToken,
        out CrossoverPlan? plan,
        out string? reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(combinations);
        plan = null;
        reason = Unsupported(request, approximateRandomSlippage);
        if (reason is not null)
        {
            return false;
        }

        var settings = request.Settings;
        var instrument = settings.Instruments[0];
        var bars = BacktestBars.Of(settings, instrument, request.Candles);
        if (bars.Count == 0)
        {
            reason = "there are no bars in the backtest's period";
            return false;
        }

        var market = CrossoverMarket.Build(bars, instrument, settings.Path);
        var context = MetricsContext.Of(settings, market, instrument);
        if (!TryConstants(settings, instrument, market, context, out var constants, out reason))
        {
            return false;
        }

        var exponential = request.Grid.Algorithm is EmaCrossoverAlgorithm;
        var periods = combinations.SelectMany(c => new[] { c.Parameters.Int("fast"), c.Parameters.Int("slow") }).Distinct().ToArray();
        if ((long)periods.Length * market.Count > Array.MaxLength)
        {
            reason = $"{periods.Length} distinct periods over {market.Count} bars do not fit in one indicator table";
            return false;
        }

        var indicators = CrossoverIndicatorTable.Build(exponential, market.Closes, periods, request.Parallelism, cancellationToken);
        var plans = combinations.Select(c => new CrossoverCombination
        {
            FastRow = indicators.RowOf(c.Parameters.Int("fast")),
            SlowRow = indicators.RowOf(c.Parameters.Int("slow")),
            AllowShort = c.Parameters.Flag("allowShort") ? 1 : 0,
            FirstReadyBar = Math.Max(c.Parameters.Int("fast"), c.Parameters.Int("slow")) - 1,
        }).ToArray();
        plan = new CrossoverPlan(market, indicators, constants, plans, context, instrument.RandomSlippage != 0m);
        return true;
    }

    private static bool TryConstants(BacktestSettings settings, Instrument instrument, CrossoverMarket market, MetricsContext context, out CrossoverConstants constants, out string? reason)
    {
        constants = default;
        reason = null;
        var tick = Rational.Of(instrument.TickSize);
        var lot = Rational.Of(instrument.LotSize);
        var hundred = Rational.Of(100);
        var leverage = (long)settings.Leverage;
        var risk = settings.Risk;

        var value = tick * lot * hundred;
        var commission = value * Rational.Of(instrument.CommissionRate);
        var funding = value * Rational.Of(instrument.DailyFundingRate);
        var slipBase = Rational.Of(instrument.SlippageFactor);
        var slipPerLot = Rational.Of(instrument.SizeImpact) * lot;
        var slipWorst = Rational.Of(instrument.RandomSlippage);
        var slipMax = Rational.Of(Execution.ExecutionCosts.MaxSlippage);
        var slipD = Lcm(Lcm(slipBase.D, slipPerLot.D), Lcm(slipWorst.D, slipMax.D));
        var stopDistance = risk.StopLoss > 0m ? Rational.Of(risk.StopLoss) / hundred : Rational.Of(1);
        var byRisk = Rational.Of(risk.MaxRiskPerTrade) / (Rational.Of(10_000) * tick * stopDistance * lot);
        var byMargin = Rational.Of(leverage) * Rational.Of(Strategies.PositionSizing.MarginHeadroom) / (hundred * tick * lot);
        var stop = Rational.Of(risk.StopLoss);
        var take = Rational.Of(risk.TakeProfit);
        var maintenance = Rational.Of(instrument.MaintenanceMarginRate);
        var dailyLoss = Rational.Of(risk.MaxDailyLoss);

        // Bounds of the run's integers: prices up to 12 × the highest ask (a take-profit may sit 1,000 % above the
        // entry), quantities up to the maximum, cash up to the simulation's limit, funding over the whole span.
        var prices = new BigInteger(market.MaxTicks) * 12 + 12;
        var lots = (Rational.Of(instrument.MaxQuantity) / lot).Floor();
        var cash = new BigInteger(1L << 40);
        var days = new BigInteger(market.SpanDays + 2);
        var commissionMax = (prices * lots * BigInteger.Abs(commission.N) / commission.D) + 1 + new BigInteger(instrument.MinCommission * 100);
        var checks = new[]
        {
            prices * lots * value.N * leverage * 4,
            cash * value.D * leverage * 4,
            prices * lots * BigInteger.Abs(commission.N),
            commissionMax * lots,
            commissionMax * value.D * leverage,
            prices * (slipD * 2),
            BigInteger.Abs(slipPerLot.N) * (slipD / slipPerLot.D) * lots,
            cash * byRisk.N, prices * byRisk.D, cash * byMargin.N, prices * byMargin.D,
            prices * ((hundred.N * stop.D) + stop.N) * 2, prices * ((hundred.N * take.D) + take.N) * 2,
            prices * leverage * maintenance.D * 3, prices * leverage * BigInteger.Abs(maintenance.N) * 3,
            prices * lots * days * BigInteger.Abs(funding.N),
            cash * 200 * dailyLoss.D, cash * BigInteger.Abs(dailyLoss.N),
            cash * (market.Count + 1),
        };
        if (checks.Any(c => c >= Limit) || value.D > (1L << 20))
        {
            reason = $"{instrument.Symbol}'s tick, lot and cost figures are too fine for the fast path's 64-bit arithmetic";
            return false;
        }

        var maxLots = (long)lots;
        var minLots = (long)(Rational.Of(instrument.MinQuantity) / lot).Ceiling();
        constants = new CrossoverConstants
        {
            InitialCents = (long)(settings.InitialBalance * 100m),
            StartDay = DateOnly.FromDateTime(settings.Start.UtcDateTime).DayNumber,
            ValueN = (long)value.N,
            ValueD = (long)value.D,
            CommissionN = (long)commission.N,
            CommissionD = (long)commission.D,
            MinCommissionCents = (long)(instrument.MinCommission * 100m),
            SlipBase = (long)(slipBase.N * (slipD / slipBase.D)),
            SlipPerLot = (long)(slipPerLot.N * (slipD / slipPerLot.D)),
            SlipD = (long)slipD,
            SlipMax = (long)(slipMax.N * (slipD / slipMax.D)),
            SlipWorst = (long)(slipWorst.N * (slipD / slipWorst.D)),
            FundingN = (long)funding.N,
            FundingD = (long)funding.D,
            RiskN = (long)byRisk.N,
            RiskD = (long)byRisk.D,
            HeadroomN = (long)byMargin.N,
            HeadroomD = (long)byMargin.D,
            MaxLots = maxLots,
            MinLots = Math.Max(minLots, 1),
            TopOfBookLots = (long)(Rational.Of(instrument.TopOfBookSize) / lot).Floor(),
            StopN = risk.StopLoss > 0m ? (long)stop.N : 0,
            StopD = (long)stop.D,
            TakeN = risk.TakeProfit > 0m ? (long)take.N : 0,
            TakeD = (long)take.D,
            LiquidationLongN = (long)((leverage * maintenance.D) - maintenance.D + (leverage * maintenance.N)),
            LiquidationShortN = (long)((leverage * maintenance.D) + maintenance.D - (leverage * maintenance.N)),
            LiquidationD = (long)(leverage * maintenance.D),
            LeverageExact = DividesPowerOfTen(leverage) ? 1 : 0,
            Leverage = leverage,
            DailyLossN = risk.MaxDailyLoss > 0m ? (long)dailyLoss.N : 0,
            DailyLossD = (long)dailyLoss.D,
            MaxPlausibleTicks = (long)BigInteger.Min((Rational.Of(instrument.InitialPrice * 1_000_000m) / tick).Floor(), long.MaxValue / 4),
            OrdersRefused = settings.Leverage > instrument.MaxLeverage ? 1 : 0,
            ReturnTarget = context.ReturnTarget,
        };
        return true;
    }

    private static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;

    /// <summary>Whether 1 / n terminates in decimal (n = 2^a × 5^b), so the engine's margin and leverage divisions are exact.</summary>
    private static bool DividesPowerOfTen(long n)
    {
        while (n % 2 == 0)
        {
            n /= 2;
        }

        while (n % 5 == 0)
        {
            n /= 5;
        }

        return n == 1;
    }
}
