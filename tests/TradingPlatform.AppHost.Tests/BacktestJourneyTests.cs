using System.Globalization;
using System.Net;
using System.Text.Json;
using TradingPlatform.Trading.Optimization;
using Xunit.Abstractions;
using TradingPlatform.Testing;

namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// The trader's journey through the whole stack the AppHost runs (api, worker, PostgreSQL, Redis, RabbitMQ): sign up,
/// wait for the year of history the api generates at first start, save an algorithmic strategy, backtest it on the
/// worker over that year (metrics, trades, charts), then run it live on a demo account until it has traded, and pause
/// it. And the worker's Hangfire dashboard, which only the admin opens. Each step is a helper taking what the earlier
/// ones produced, so further research steps (a parameter sweep, a walk-forward, once the api has them) go between the
/// backtest and going live; a job resource answering 202 with a Location, as backtests do, is submitted and awaited
/// with <see cref="SubmitAndAwaitAsync"/>.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class BacktestJourneyTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private const string Symbol = "BTC-USD";
    private const decimal InitialBalance = 100_000m;
    private const decimal Cent = 0.01m;
    private static readonly string[] Intervals = ["1m", "5m", "15m", "1h", "4h", "1d"];
    private static readonly string[] ExitReasons = ["signal", "stop_loss", "take_profit", "liquidation", "end_of_test"];

    private static readonly TimeSpan StackTimeout = TimeSpan.FromSeconds(240);

    /// <summary>365 days of 1-minute bars for every instrument, rolled up and copied, on two cores shared with other work.</summary>
    private static readonly TimeSpan HistoryTimeout = TimeSpan.FromMinutes(10);

    /// <summary>About 8,800 hourly bars take seconds; the rest is the queue, the worker's start and a loaded machine.</summary>
    private static readonly TimeSpan BacktestTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// With SMA 1/2 on 1-minute bars and shorts allowed, every change of direction of the minute's close is a cross, so
    /// a completed bar trades with probability about ½: no trade in n bars has probability 2⁻ⁿ (expected: two bars).
    /// Eight minutes leaves that below 1 % even with the first, partial minute lost, and a slow start of the runner.
    /// </summary>
    private static readonly TimeSpan FirstLiveTradeTimeout = TimeSpan.FromMinutes(8);

    /// <summary>A poll every 2 s keeps a trader's requests well inside the api's 100 a minute.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_new_trader_backtests_a_strategy_over_the_generated_year_then_runs_it_live_on_a_demo_account_until_paused()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await WaitForStackAsync();
        using var market = CreateAnonymousApiClient();
        using var trader = await TraderSession.RegisterAsync(fixture.App);
        Log(clock, $"registered {trader.Email}");

        // Research: a year of hourly bars, an algorithm, a backtest on the worker.
        var (firstHour, endOfLastHour) = await WaitForYearOfHistoryAsync(market);
        var storedBars = await CountHourlyBarsAsync(market, firstHour, endOfLastHour);
        Log(clock, $"{Symbol} history in place: {storedBars} complete 1h bars from {firstHour:O} to {endOfLastHour:O}");
        var strategyId = await CreateStrategyAsync(trader);
        var backtest = await SubmitAndAwaitAsync(trader, "/api/backtests", new
        {
            strategyId, interval = "1h", start = firstHour, end = endOfLastHour, initialBalance = InitialBalance,
        }, BacktestTimeout);
        var backtestId = backtest.GetProperty("id").GetString()!;
        var metrics = AssertBacktestOfTheYear(backtest, strategyId, firstHour, endOfLastHour, storedBars);
        Log(clock, $"backtest {backtestId} completed: {backtest.GetProperty("bars")} bars, {metrics.GetProperty("totalTrades")} trades, " +
            $"final equity {metrics.GetProperty("finalEquity")}, total return {metrics.GetProperty("totalReturn")}, {backtest.GetProperty("gaps").GetArrayLength()} gaps");
        await AssertTradesAddUpToTheFinalEquityAsync(trader, backtestId, metrics);
        await AssertChartsAsync(trader, backtestId);
        await AssertTheDashboardListsTheSucceededBacktestJobAsync();
        Log(clock, "trades, charts and the worker's dashboard checked");

        // Optimisation: a sweep of the two periods over the same year, then a walk-forward of it.
        var sweep = await SubmitAndAwaitAsync(trader, "/api/optimizations", new
        {
            strategyId, interval = "1h", start = firstHour, end = endOfLastHour, initialBalance = InitialBalance,
            grid = new { fast = new[] { 5, 10, 20 }, slow = new { min = 30, max = 60, step = 15 } }, objective = "sharpe",
        }, BacktestTimeout);
        await AssertSweepAsync(trader, sweep);
        Log(clock, $"sweep {sweep.GetProperty("id")} completed: {sweep.GetProperty("combinations")} combinations by {sweep.GetProperty("backend")}, best backtest {sweep.GetProperty("bestBacktestId")}");
        var walkForward = await SubmitAndAwaitAsync(trader, "/api/optimizations", new
        {
            strategyId, kind = "walk_forward", interval = "1h", start = firstHour, end = endOfLastHour, initialBalance = InitialBalance,
            grid = new { fast = new[] { 5, 10 }, slow = new[] { 30, 60 } }, walkForward = new { inSampleBars = 2000, outOfSampleBars = 1000, anchored = false },
        }, BacktestTimeout);
        var windows = walkForward.GetProperty("walkForwardResult").GetProperty("windows");
        // Rolling windows of 2,000 + 1,000 bars stepping by 1,000: floor((bars − 2,000) / 1,000) of them (six in a year of hours).
        Assert.Equal((storedBars - 2000) / 1000, windows.GetArrayLength());
        Log(clock, $"walk-forward {walkForward.GetProperty("id")} completed: {windows.GetArrayLength()} windows, efficiency {walkForward.GetProperty("walkForwardResult").GetProperty("efficiency")}");

        // Live: the same strategy on a demo account, on fast bars so that it trades within minutes, then paused.
        var accountId = await CreateDemoAccountAsync(trader);
        var activatedAt = await ActivateOnFastBarsAsync(trader, strategyId, accountId);
        var order = await WaitForTheFirstLiveTradeAsync(trader, market, strategyId, accountId, activatedAt);
        Log(clock, $"live since {activatedAt:O}; first order {order.GetProperty("side")} {order.GetProperty("quantity")} filled at " +
            $"{order.GetProperty("averagePrice")}, placed {order.GetProperty("createdAt").GetDateTimeOffset() - activatedAt} after activation");
        var (placed, quietUntil) = await PauseAndAssertItTradesNoMoreAsync(trader, market, strategyId, accountId, activatedAt);
        Log(clock, $"paused after {placed} orders; none more through {quietUntil:O}");
    }

    [Fact]
    public async Task The_workers_Hangfire_dashboard_is_401_anonymously_and_the_admins_access_token_gives_a_redirect_and_a_cookie()
    {
        await WaitForStackAsync();
        var cookies = new CookieContainer();
        using var worker = CreateWorkerClient(cookies);

        using (var anonymous = await worker.GetAsync(new Uri("/hangfire", UriKind.Relative)))
        {
            var body = await anonymous.Content.ReadAsStringAsync();
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"anonymous GET /hangfire: {(int)anonymous.StatusCode} {body}");
            Assert.Contains("access_token", body, StringComparison.Ordinal);
        }

        using (var signIn = await worker.GetAsync(new Uri($"/hangfire?access_token={await AdminAccessTokenAsync()}", UriKind.Relative)))
        {
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"GET /hangfire?access_token=…: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
            Assert.Equal("/hangfire", signIn.Headers.Location?.OriginalString);
            var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hangfire_access_token=", StringComparison.Ordinal));
            Assert.Contains("path=/hangfire", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        }

        // The browser follows the redirect with the cookie alone: the token has left the address.
        Assert.Single(cookies.GetCookies(new Uri(worker.BaseAddress!, "/hangfire")), c => c.Name == "hangfire_access_token");
        using var dashboard = await worker.GetAsync(new Uri("/hangfire", UriKind.Relative));
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.True(dashboard.StatusCode == HttpStatusCode.OK, $"GET /hangfire with the cookie: {(int)dashboard.StatusCode} {html}");
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Hangfire", html, StringComparison.Ordinal);
    }

    private void Log(System.Diagnostics.Stopwatch clock, string line) => output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");

    private async Task WaitForStackAsync()
    {
        // Other tests of the collection stop, restart and kill the worker; each waits for it, and so does this one.
        foreach (var service in new[] { "api", "worker" })
        {
            await fixture.WaitForAsync(service, AppHostFixture.IsHealthyAndRunning, StackTimeout);
        }
    }

    /// <summary>
    /// Until BTC-USD's generated history is stored, rolled up to every interval: each interval's first bar about a year
    /// back and its latest bar now, and 1d bars for the whole year. Answers the first hourly bar and the end of the last
    /// complete hour, the period a backtest of "the generated year" covers.
    /// </summary>
    private static async Task<(DateTimeOffset FirstHour, DateTimeOffset EndOfLastHour)> WaitForYearOfHistoryAsync(HttpClient market)
    {
        var lookBack = DateTimeOffset.UtcNow.AddDays(-400);
        await Poll.UntilAsync(async () =>
        {
            var (status, text, candles) = await CandlesAsync(market, $"timeframe=1h&start={lookBack.ToUnixTimeMilliseconds()}&limit=1");
            var first = candles.FirstOrDefault();
            var done = first.ValueKind == JsonValueKind.Object && first.GetProperty("timestamp").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddDays(-364);
            return (done, true, $"{status} {text}");
        }, HistoryTimeout, $"a year of generated {Symbol} 1h history", PollInterval);

        var now = DateTimeOffset.UtcNow;
        foreach (var interval in Intervals)
        {
            var (_, text, oldest) = await CandlesAsync(market, $"timeframe={interval}&start={lookBack.ToUnixTimeMilliseconds()}&limit=1");
            var first = Assert.Single(oldest).GetProperty("timestamp").GetDateTimeOffset();
            Assert.True(first > now.AddDays(-367) && first < now.AddDays(-364), $"The oldest {interval} bar should be about 365 days old: {text}");
            var (_, latestText, latest) = await CandlesAsync(market, $"timeframe={interval}&limit=1");
            var last = Assert.Single(latest).GetProperty("timestamp").GetDateTimeOffset();
            Assert.True(last > now - Duration(interval) - TimeSpan.FromMinutes(10), $"The latest {interval} bar should be the current one: {latestText}");
        }

        var (_, daysText, days) = await CandlesAsync(market, $"timeframe=1d&start={lookBack.ToUnixTimeMilliseconds()}&limit=1000");
        Assert.True(days.Count is >= 365 and <= 367, $"{days.Count} daily bars of {Symbol} instead of a year's: {daysText[..Math.Min(daysText.Length, 2000)]}");

        var (_, hoursText, hours) = await CandlesAsync(market, $"timeframe=1h&start={lookBack.ToUnixTimeMilliseconds()}&limit=1");
        var firstHour = Assert.Single(hours).GetProperty("timestamp").GetDateTimeOffset();
        var (_, currentText, current) = await CandlesAsync(market, "timeframe=1h&limit=1");
        var latestHour = Assert.Single(current);
        var endOfLastHour = latestHour.GetProperty("timestamp").GetDateTimeOffset()
            + (latestHour.GetProperty("isComplete").GetBoolean() ? TimeSpan.FromHours(1) : TimeSpan.Zero);
        Assert.True(endOfLastHour - firstHour > TimeSpan.FromDays(364), $"first 1h bar {hoursText}, latest {currentText}");
        return (firstHour, endOfLastHour);
    }

    /// <summary>The stored hourly bars in [start, end), read a thousand at a time: what the backtest must have replayed.</summary>
    private static async Task<int> CountHourlyBarsAsync(HttpClient market, DateTimeOffset start, DateTimeOffset end)
    {
        var count = 0;
        var from = start;
        while (true)
        {
            var (_, text, page) = await CandlesAsync(market,
                $"timeframe=1h&start={from.ToUnixTimeMilliseconds()}&end={(end - TimeSpan.FromMilliseconds(1)).ToUnixTimeMilliseconds()}&limit=1000");
            var bars = page.Where(c => c.GetProperty("isComplete").GetBoolean()).ToList();
            Assert.True(bars.Count == page.Count, $"A bar before the end of the last complete hour is still forming: {text[..Math.Min(text.Length, 2000)]}");
            count += bars.Count;
            if (page.Count < 1000)
            {
                return count;
            }

            from = page[^1].GetProperty("timestamp").GetDateTimeOffset() + TimeSpan.FromHours(1);
        }
    }

    private static async Task<string> CreateStrategyAsync(TraderSession trader)
    {
        using var response = await trader.PostAsync("/api/strategies", new
        {
            name = "Journey SMA 10/30", description = "The end-to-end journey's strategy", type = "automated",
            algorithm = "sma_crossover", parameters = new { fast = 10, slow = 30 }, symbols = new[] { Symbol }, interval = "1h",
        });
        var strategy = await ApiJson.DataAsync(response, HttpStatusCode.Created);
        Assert.Equal("inactive", strategy.GetProperty("status").GetString());
        Assert.Equal("automated", strategy.GetProperty("type").GetString());
        Assert.Equal("sma_crossover", strategy.GetProperty("algorithm").GetString());
        Assert.Equal("1h", strategy.GetProperty("interval").GetString());
        Assert.Equal([Symbol], strategy.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        // Stored bound: the given values, and the defaults of the rest.
        var parameters = strategy.GetProperty("parameters");
        Assert.Equal(10, parameters.GetProperty("fast").GetInt32());
        Assert.Equal(30, parameters.GetProperty("slow").GetInt32());
        Assert.False(parameters.GetProperty("allowShort").GetBoolean(), parameters.GetRawText());
        return strategy.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// A job-shaped request: POST answers 202 with the queued resource and a Location naming it, which is then read
    /// until its status is final. Fails unless it completed, with its error. Answers the completed resource.
    /// </summary>
    private static async Task<JsonElement> SubmitAndAwaitAsync(TraderSession trader, string path, object request, TimeSpan timeout)
    {
        string location;
        using (var accepted = await trader.PostAsync(path, request))
        {
            var queued = await ApiJson.DataAsync(accepted, HttpStatusCode.Accepted);
            location = accepted.Headers.Location?.OriginalString ?? "";
            Assert.Equal($"{path}/{queued.GetProperty("id").GetString()}", location);
            Assert.Equal("queued", queued.GetProperty("status").GetString());
        }

        var final = await Poll.UntilAsync(async () =>
        {
            var data = (await trader.GetBodyAsync(location)).GetProperty("data");
            var status = data.GetProperty("status").GetString();
            return (status is "completed" or "failed" or "cancelled", data, Describe(data));
        }, timeout, $"{location} to finish", TimeSpan.FromSeconds(1.5));
        Assert.True(final.GetProperty("status").GetString() == "completed", $"{location} did not complete: {Describe(final)}");
        return final;
    }

    /// <summary>Nine combinations ranked, the best one re-run as a backtest of its own with trades, the heat map drawn.</summary>
    private static async Task AssertSweepAsync(TraderSession trader, JsonElement sweep)
    {
        Assert.Equal(9, sweep.GetProperty("combinations").GetInt32());
        var top = sweep.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(9, top.Count);
        Assert.Equal(Enumerable.Range(1, 9), top.Select(r => r.GetProperty("rank").GetInt32()));
        var bestId = sweep.GetProperty("bestBacktestId").GetString()!;
        var best = (await trader.GetBodyAsync($"/api/backtests/{bestId}")).GetProperty("data");
        Assert.Equal("completed", best.GetProperty("status").GetString());
        // The row comes from the fast path (random slippage at its mean), the stored backtest from the engine, exactly:
        // they agree within the approximation's bound, with the venue's random fraction (0.02 %).
        var rowEquity = top[0].GetProperty("metrics").GetProperty("finalEquity").GetDecimal();
        var trades = await trader.GetAllPagesAsync($"/api/backtests/{bestId}/trades");
        const decimal VenueRandomSlippage = 0.0002m;
        var bound = CrossoverSweepCpu.ApproximationBound(VenueRandomSlippage, trades.Select(t =>
            (t.GetProperty("quantity").GetDecimal(), t.GetProperty("entryPrice").GetDecimal(), t.GetProperty("exitPrice").GetDecimal())));
        Assert.InRange(best.GetProperty("metrics").GetProperty("finalEquity").GetDecimal(), rowEquity - bound, rowEquity + bound);
        Assert.Equal(top[0].GetProperty("parameters").GetProperty("fast").GetDouble(), best.GetProperty("parameters").GetProperty("fast").GetDouble());
        using var heatmap = await trader.GetAsync($"/api/optimizations/{sweep.GetProperty("id").GetString()}/heatmap.png?x=fast&y=slow");
        Assert.Equal(HttpStatusCode.OK, heatmap.StatusCode);
        Assert.Equal("image/png", heatmap.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>What was asked was run, over every stored bar of the period; the metrics agree with each other.</summary>
    private static JsonElement AssertBacktestOfTheYear(JsonElement run, string strategyId, DateTimeOffset start, DateTimeOffset end, int storedBars)
    {
        Assert.Equal(strategyId, run.GetProperty("strategyId").GetString());
        Assert.Equal("sma_crossover", run.GetProperty("algorithm").GetString());
        Assert.Equal("1h", run.GetProperty("interval").GetString());
        Assert.Equal([Symbol], run.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(start, run.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(end, run.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(InitialBalance, run.GetProperty("initialBalance").GetDecimal());
        Assert.Equal(1.0, run.GetProperty("progress").GetDouble());
        Assert.True(run.GetProperty("bars").GetInt64() == storedBars, $"The backtest replayed {run.GetProperty("bars")} bars; the api stores {storedBars} in the period. {Describe(run)}");
        Assert.True(storedBars > 364 * 24, $"{storedBars} hourly bars is not a year");

        var metrics = run.GetProperty("metrics");
        Assert.True(metrics.ValueKind == JsonValueKind.Object, $"A completed backtest without metrics: {Describe(run)}");
        var finalEquity = metrics.GetProperty("finalEquity").GetDecimal();
        var totalTrades = metrics.GetProperty("totalTrades").GetInt32();
        var wins = metrics.GetProperty("winningTrades").GetInt32();
        var losses = metrics.GetProperty("losingTrades").GetInt32();
        var metricsText = metrics.GetRawText();
        Assert.True(finalEquity > 0, $"finalEquity {finalEquity}: {metricsText}");
        // SMA 10/30 crosses dozens of times in a year of hourly bars of a 60 %-volatility market.
        Assert.True(totalTrades >= 10, $"Only {totalTrades} trades in a year: {metricsText}");
        Assert.Equal(run.GetProperty("tradeCount").GetInt32(), totalTrades);
        Assert.True(wins + losses <= totalTrades, metricsText);
        Assert.Equal((double)wins / totalTrades, metrics.GetProperty("winRate").GetDouble(), 1e-9);
        Assert.True(Math.Abs(metrics.GetProperty("netProfit").GetDecimal() - (finalEquity - InitialBalance)) <= Cent, metricsText);
        Assert.Equal((double)(finalEquity / InitialBalance) - 1, metrics.GetProperty("totalReturn").GetDouble(), 1e-6);
        Assert.True(metrics.GetProperty("feesPaid").GetDecimal() > 0, metricsText);
        Assert.True(metrics.GetProperty("maxDrawdown").GetDouble() is >= 0 and < 1, metricsText);
        Assert.True(metrics.GetProperty("exposure").GetDouble() is > 0 and <= 1, metricsText);
        // The periods per year come from the data: hourly bars of a market that never closes.
        Assert.InRange(metrics.GetProperty("periodsPerYear").GetDouble(), 8_700, 8_800);

        var curve = run.GetProperty("equityCurve").EnumerateArray().ToList();
        Assert.InRange(curve.Count, 2, 2_002);
        var times = curve.Select(p => p.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(times[0] >= start && times[^1] <= end, $"The equity curve runs from {times[0]:O} to {times[^1]:O}, outside [{start:O}, {end:O}]");
        Assert.All(curve, p => Assert.True(p.GetProperty("equity").GetDecimal() > 0 && p.GetProperty("drawdown").GetDouble() <= 0, p.GetRawText()));
        return metrics;
    }

    /// <summary>The round trips, over every page: as many as the metrics count, numbered in exit order, adding up to the final equity.</summary>
    private static async Task AssertTradesAddUpToTheFinalEquityAsync(TraderSession trader, string backtestId, JsonElement metrics)
    {
        var trades = await trader.GetAllPagesAsync($"/api/backtests/{backtestId}/trades");
        var metricsText = metrics.GetRawText();
        Assert.True(trades.Count == metrics.GetProperty("totalTrades").GetInt32(), $"{trades.Count} trades listed; the metrics count {metrics.GetProperty("totalTrades")}: {metricsText}");
        Assert.Equal(Enumerable.Range(1, trades.Count), trades.Select(t => t.GetProperty("number").GetInt32()));
        var exits = trades.Select(t => t.GetProperty("exitAt").GetDateTimeOffset()).ToList();
        Assert.Equal(exits.Order(), exits);
        foreach (var trade in trades)
        {
            var text = trade.GetRawText();
            Assert.Equal(Symbol, trade.GetProperty("symbol").GetString());
            // allowShort is off: the strategy is long or flat.
            Assert.True(trade.GetProperty("side").GetString() == "long", text);
            Assert.True(trade.GetProperty("entryAt").GetDateTimeOffset() <= trade.GetProperty("exitAt").GetDateTimeOffset(), text);
            Assert.True(trade.GetProperty("quantity").GetDecimal() > 0 && trade.GetProperty("fees").GetDecimal() > 0, text);
            Assert.True(trade.GetProperty("netPnl").GetDecimal() == trade.GetProperty("grossPnl").GetDecimal() - trade.GetProperty("fees").GetDecimal(), text);
            // Only what is still open after the last bar closes at the end of the test.
            Assert.Contains(trade.GetProperty("exitReason").GetString(),
                trade.GetProperty("number").GetInt32() == trades.Count ? ExitReasons : ExitReasons.Where(r => r != "end_of_test"));
        }

        var net = trades.Sum(t => t.GetProperty("netPnl").GetDecimal());
        var finalEquity = metrics.GetProperty("finalEquity").GetDecimal();
        Assert.True(Math.Abs(InitialBalance + net - finalEquity) <= Cent,
            $"initial balance {InitialBalance} + Σ netPnl {net} = {InitialBalance + net}, but finalEquity is {finalEquity}: {metricsText}");
        Assert.Equal(metrics.GetProperty("winningTrades").GetInt32(), trades.Count(t => t.GetProperty("netPnl").GetDecimal() > 0));
        Assert.Equal(metrics.GetProperty("losingTrades").GetInt32(), trades.Count(t => t.GetProperty("netPnl").GetDecimal() < 0));
    }

    private static async Task AssertChartsAsync(TraderSession trader, string backtestId)
    {
        using (var png = await trader.GetAsync($"/api/backtests/{backtestId}/chart.png"))
        {
            var bytes = await png.Content.ReadAsByteArrayAsync();
            Assert.True(png.StatusCode == HttpStatusCode.OK, $"chart.png: {(int)png.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8));
            Assert.True(bytes.Length > 5_000, $"A {bytes.Length}-byte PNG is too small for an equity chart with drawdown");
        }

        using var svg = await trader.GetAsync($"/api/backtests/{backtestId}/chart.svg");
        var text = await svg.Content.ReadAsStringAsync();
        Assert.True(svg.StatusCode == HttpStatusCode.OK, $"chart.svg: {(int)svg.StatusCode} {text}");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", text.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>The backtest ran as a Hangfire job on the worker: the admin's dashboard lists it among the succeeded jobs.</summary>
    private async Task AssertTheDashboardListsTheSucceededBacktestJobAsync()
    {
        var cookies = new CookieContainer();
        using var worker = CreateWorkerClient(cookies);
        using (var signIn = await worker.GetAsync(new Uri($"/hangfire?access_token={await AdminAccessTokenAsync()}", UriKind.Relative)))
        {
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"dashboard sign-in: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
        }

        // The job's own state changes to Succeeded just after it has stored the results the api showed.
        await Poll.UntilAsync(async () =>
        {
            using var page = await worker.GetAsync(new Uri("/hangfire/jobs/succeeded", UriKind.Relative));
            var html = await page.Content.ReadAsStringAsync();
            return (page.StatusCode == HttpStatusCode.OK && html.Contains("IBacktestJob.RunAsync", StringComparison.Ordinal), true,
                $"{(int)page.StatusCode} {html[..Math.Min(html.Length, 3000)]}");
        }, TimeSpan.FromSeconds(60), "the worker's dashboard to list a succeeded IBacktestJob", PollInterval);
    }

    private static async Task<string> CreateDemoAccountAsync(TraderSession trader)
    {
        using var response = await trader.PostAsync("/api/accounts", new { name = "Journey demo", isDemo = true, initialBalance = InitialBalance });
        var account = await ApiJson.DataAsync(response, HttpStatusCode.Created);
        Assert.True(account.GetProperty("isDemo").GetBoolean(), account.GetRawText());
        Assert.Equal(InitialBalance, account.GetProperty("balance").GetDecimal());
        return account.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Points the strategy at the account, on 1-minute bars with SMA 1/2 (every change of direction of the close is a
    /// cross; shorts allowed, so each one trades), and activates it. The runner warms up on the stored 1-minute bars, so
    /// its averages are ready at once. Answers when it was activated (the api's clock).
    /// </summary>
    private static async Task<DateTimeOffset> ActivateOnFastBarsAsync(TraderSession trader, string strategyId, string accountId)
    {
        using var response = await trader.PutAsync($"/api/strategies/{strategyId}", new
        {
            accountId, interval = "1m", parameters = new { fast = 1, slow = 2, allowShort = true }, status = "active",
        });
        var strategy = await ApiJson.DataAsync(response, HttpStatusCode.OK);
        Assert.Equal("active", strategy.GetProperty("status").GetString());
        Assert.Equal(accountId, strategy.GetProperty("accountId").GetString());
        Assert.Equal("1m", strategy.GetProperty("interval").GetString());
        Assert.Equal(2, strategy.GetProperty("parameters").GetProperty("slow").GetInt32());
        return strategy.GetProperty("updatedAt").GetDateTimeOffset();
    }

    /// <summary>Until the live strategy has recorded a signal and placed a filled order in the account with its id, through the normal order path.</summary>
    private static async Task<JsonElement> WaitForTheFirstLiveTradeAsync(TraderSession trader, HttpClient market, string strategyId, string accountId, DateTimeOffset activatedAt)
    {
        var (order, signals) = await Poll.UntilAsync(async () =>
        {
            var orders = await StrategyOrdersAsync(trader, accountId, strategyId);
            var signals = await StrategySignalsAsync(trader, strategyId, activatedAt);
            var filled = orders.FirstOrDefault(o => o.GetProperty("status").GetString() == "filled");
            return (filled.ValueKind == JsonValueKind.Object && signals.Count > 0, (filled, signals),
                $"{orders.Count} orders of the strategy [{string.Join(", ", orders.Select(o => o.GetRawText()))}], {signals.Count} signals; quote {await QuoteTimeAsync(market):O}");
        }, FirstLiveTradeTimeout, "the live strategy's first signal and filled order", TimeSpan.FromSeconds(3));

        var text = order.GetRawText();
        Assert.Equal(Symbol, order.GetProperty("symbol").GetString());
        Assert.Equal("market", order.GetProperty("type").GetString());
        Assert.Equal("client", order.GetProperty("origin").GetString());
        Assert.True(order.GetProperty("filledQuantity").GetDecimal() == order.GetProperty("quantity").GetDecimal() && order.GetProperty("quantity").GetDecimal() > 0, text);
        Assert.True(order.GetProperty("createdAt").GetDateTimeOffset() >= activatedAt, text);
        var side = order.GetProperty("side").GetString();
        Assert.True(side is "buy" or "sell", text);
        // The order follows a signal of the same side, which names the strategy as its source.
        Assert.Contains(signals, s => s.GetProperty("side").GetString() == side);
        Assert.All(signals, s =>
        {
            Assert.Equal("strategy", s.GetProperty("source").GetProperty("kind").GetString());
            Assert.Equal(strategyId, s.GetProperty("source").GetProperty("id").GetString());
            Assert.Equal(Symbol, s.GetProperty("symbol").GetString());
        });

        // Filled through the venue: the executions of the order add up to it, and belong to the strategy.
        var fills = await trader.GetAllPagesAsync($"/api/executions?orderId={order.GetProperty("id").GetString()}");
        Assert.True(fills.Sum(f => f.GetProperty("quantity").GetDecimal()) == order.GetProperty("filledQuantity").GetDecimal(),
            $"order {text}; fills [{string.Join(", ", fills.Select(f => f.GetRawText()))}]");
        Assert.All(fills, f => Assert.Equal(strategyId, f.GetProperty("strategyId").GetString()));
        return order;
    }

    /// <summary>
    /// Pauses the strategy; once the runner has seen that (a few ticks later), two more 1-minute bars complete, each a
    /// chance of about ½ to trade had it still run, and neither brings an order or a signal of the strategy.
    /// </summary>
    private static async Task<(int Orders, DateTimeOffset QuietUntil)> PauseAndAssertItTradesNoMoreAsync(TraderSession trader, HttpClient market, string strategyId, string accountId, DateTimeOffset activatedAt)
    {
        DateTimeOffset pausedAt;
        using (var response = await trader.PutAsync($"/api/strategies/{strategyId}", new { status = "paused" }))
        {
            var strategy = await ApiJson.DataAsync(response, HttpStatusCode.OK);
            Assert.Equal("paused", strategy.GetProperty("status").GetString());
            pausedAt = strategy.GetProperty("updatedAt").GetDateTimeOffset();
        }

        // An order decided on a tick just before the pause may still be committing; the runner re-reads every second.
        var settledAt = await WaitForQuoteAfterAsync(market, pausedAt + TimeSpan.FromSeconds(3));
        var ordersBefore = await StrategyOrdersAsync(trader, accountId, strategyId);
        var signalsBefore = await StrategySignalsAsync(trader, strategyId, activatedAt);

        var twoBarsLater = new DateTimeOffset(settledAt.Year, settledAt.Month, settledAt.Day, settledAt.Hour, settledAt.Minute, 0, TimeSpan.Zero)
            + TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5);
        var quietUntil = await WaitForQuoteAfterAsync(market, twoBarsLater);

        var ordersAfter = await StrategyOrdersAsync(trader, accountId, strategyId);
        var signalsAfter = await StrategySignalsAsync(trader, strategyId, activatedAt);
        Assert.True(ordersAfter.Count == ordersBefore.Count,
            $"Paused at {pausedAt:O}, the strategy placed more orders: [{string.Join(", ", ordersAfter.Select(o => o.GetRawText()))}]");
        Assert.True(signalsAfter.Count == signalsBefore.Count,
            $"Paused at {pausedAt:O}, the strategy recorded more signals: [{string.Join(", ", signalsAfter.Select(s => s.GetRawText()))}]");
        Assert.Equal("paused", (await trader.GetBodyAsync($"/api/strategies/{strategyId}")).GetProperty("data").GetProperty("status").GetString());
        return (ordersAfter.Count, quietUntil);
    }

    private static async Task<List<JsonElement>> StrategyOrdersAsync(TraderSession trader, string accountId, string strategyId) =>
        [.. (await trader.GetAllPagesAsync($"/api/accounts/{accountId}/orders"))
            .Where(o => o.GetProperty("strategyId").ValueKind == JsonValueKind.String && o.GetProperty("strategyId").GetString() == strategyId)];

    /// <summary>The strategy's signals on BTC-USD since shortly before it went live (the stream is market-wide, newest first).</summary>
    private static async Task<List<JsonElement>> StrategySignalsAsync(TraderSession trader, string strategyId, DateTimeOffset activatedAt)
    {
        var since = Uri.EscapeDataString((activatedAt - TimeSpan.FromMinutes(2)).ToString("O", CultureInfo.InvariantCulture));
        var body = await trader.GetBodyAsync($"/api/signals?symbol={Symbol}&since={since}&limit={SignalPageLimit}");
        Assert.True(body.GetProperty("nextCursor").ValueKind == JsonValueKind.Null, $"More than {SignalPageLimit} {Symbol} signals in minutes: {body.GetProperty("total")}");
        return [.. body.GetProperty("data").EnumerateArray()
            .Where(s => s.GetProperty("strategyId").ValueKind == JsonValueKind.String && s.GetProperty("strategyId").GetString() == strategyId)];
    }

    private const int SignalPageLimit = 200;

    /// <summary>Until the feed has quoted BTC-USD at or after <paramref name="at"/> (the api's clock); answers that quote's time.</summary>
    private static Task<DateTimeOffset> WaitForQuoteAfterAsync(HttpClient market, DateTimeOffset at) =>
        Poll.UntilAsync(async () =>
        {
            var time = await QuoteTimeAsync(market);
            return (time >= at, time, $"the latest quote at {time:O}");
        }, TimeSpan.FromMinutes(5), $"a {Symbol} quote at or after {at:O}", PollInterval);

    private static async Task<DateTimeOffset> QuoteTimeAsync(HttpClient market)
    {
        using var response = await market.GetAsync(new Uri($"/api/market/quotes/{Symbol}", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return DateTimeOffset.MinValue; // 503 before the feed's first quote
        }

        return (await ApiJson.DataAsync(response, HttpStatusCode.OK)).GetProperty("timestamp").GetDateTimeOffset();
    }

    private static async Task<(HttpStatusCode Status, string Text, List<JsonElement> Candles)> CandlesAsync(HttpClient market, string query)
    {
        using var response = await market.GetAsync(new Uri($"/api/market/{Symbol}/candles?{query}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, text, []);
        }

        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, text, [.. document.RootElement.GetProperty("data").GetProperty("candles").EnumerateArray().Select(c => c.Clone())]);
    }

    private static TimeSpan Duration(string interval) => interval switch
    {
        "1m" => TimeSpan.FromMinutes(1),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "1h" => TimeSpan.FromHours(1),
        "4h" => TimeSpan.FromHours(4),
        _ => TimeSpan.FromDays(1),
    };

    /// <summary>A resource's status for a failure message, without its (long) equity curve.</summary>
    private static string Describe(JsonElement resource) =>
        string.Join(", ", resource.EnumerateObject().Where(p => p.Name != "equityCurve").Select(p => $"{p.Name}: {p.Value.GetRawText()}"));

    /// <summary>The api as an anonymous client sees it: market data is public.</summary>
    private HttpClient CreateAnonymousApiClient()
    {
        var client = fixture.App.CreateHttpClient("api");
        client.Timeout = TraderSession.RequestTimeout;
        return client;
    }

    /// <summary>The worker's endpoint with a browser's cookie jar, not following redirects (the sign-in's redirect is asserted).</summary>
    private HttpClient CreateWorkerClient(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }, disposeHandler: true)
        {
            BaseAddress = fixture.App.GetEndpoint("worker", "http"),
            Timeout = TraderSession.RequestTimeout,
        };

    private async Task<string> AdminAccessTokenAsync()
    {
        using var api = CreateAnonymousApiClient();
        return await AdminLogin.AccessTokenAsync(fixture.App, api);
    }
}
