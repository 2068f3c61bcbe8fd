using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Market;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class ImportApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Header = "timestamp,open,high,low,close,volume";
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await MarketKit.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static StringContent Csv(params string[] lines) => new(string.Join("\n", lines) + "\n", Encoding.UTF8, "text/csv");

    private Task<long> CountAsync(string symbol, string interval = "1m") => MarketKit.CountAsync(infrastructure,
        "SELECT count(*) FROM trading.candles WHERE symbol = @s AND interval = @i", ("s", symbol), ("i", interval));

    [Fact]
    public async Task An_admin_imports_rows_and_reimporting_updates_them()
    {
        var symbol = MarketKit.UniqueSymbol("IMP");
        var (_, admin) = await _factory.CreateUserWithClientAsync("admin");
        using (admin)
        {
            using var first = await admin.PostAsync(new Uri($"/api/market/import?symbol={symbol}", UriKind.Relative), Csv(
                Header,
                "2026-01-05T10:00:00Z,100,101,99,100.5,10",
                "2026-01-05T10:01:00Z,100.5,102,100,101.5,11",
                "2026-01-05T10:02:00Z,101.5,103,101,102.5,12"));
            var result = await first.ReadDataAsync();
            Assert.Equal(3, result.GetProperty("rows").GetInt32());
            Assert.Equal(3, result.GetProperty("inserted").GetInt32());
            Assert.Equal(0, result.GetProperty("updated").GetInt32());

            using var second = await admin.PostAsync(new Uri($"/api/market/import?symbol={symbol}&interval=1m", UriKind.Relative), Csv(
                Header,
                "2026-01-05T10:02:00Z,101.5,104,101,103.5,20",
                "2026-01-05T10:03:00Z,103.5,104,103,103.75,5"));
            var again = await second.ReadDataAsync();
            Assert.Equal(1, again.GetProperty("inserted").GetInt32());
            Assert.Equal(1, again.GetProperty("updated").GetInt32());
        }

        using var client = _factory.CreateClient();
        var bars = (await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=1m")).ReadDataAsync()).GetProperty("data");
        Assert.Equal(4, bars.GetArrayLength());
        Assert.Equal(103.5m, bars[2].GetProperty("close").GetDecimal());
        var five = (await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=5m")).ReadDataAsync()).GetProperty("data")[0];
        Assert.Equal(104m, five.GetProperty("high").GetDecimal());
        Assert.Equal(46m, five.GetProperty("volume").GetDecimal());
        Assert.Equal(1, await CountAsync(symbol, "1d"));
    }

    [Fact]
    public async Task One_bad_row_rejects_the_whole_file_listing_the_lines()
    {
        var symbol = MarketKit.UniqueSymbol("IMP");
        var (_, admin) = await _factory.CreateUserWithClientAsync("admin");
        using (admin)
        {
            using var response = await admin.PostAsync(new Uri($"/api/market/import?symbol={symbol}", UriKind.Relative), Csv(
                Header,
                "2026-01-05T10:00:00Z,100,101,99,100.5,10",
                "2026-01-05T10:01:00Z,100.5,102,100,101.5,11",
                "2026-01-05T10:02:00Z,101.5,101,101,102.5,12",   // line 4: high below close
                "2026-01-05T10:03:30Z,101.5,103,101,102.5,12",   // line 5: not on a minute
                "2026-01-05T10:01:00Z,100.5,102,100,101.5,11",   // line 6: duplicate
                "2026-01-05T10:05:00Z,-1,103,101,102.5,-3",      // line 7: negative price and volume
                "not-a-time,1,1,1,1,1"));                        // line 8
            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            var lines = error.GetProperty("details").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(["line 4", "line 5", "line 6", "line 7", "line 8"], lines);
            Assert.Contains("high", error.GetProperty("details").GetProperty("line 4")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains("duplicate", error.GetProperty("details").GetProperty("line 6")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await MarketKit.CountAsync(infrastructure, "SELECT count(*) FROM trading.candles WHERE symbol = @s", ("s", symbol)));
    }

    [Fact]
    public async Task Hourly_rows_must_be_on_the_hour_and_multipart_files_work()
    {
        var symbol = MarketKit.UniqueSymbol("IMP");
        var (_, admin) = await _factory.CreateUserWithClientAsync("admin");
        using (admin)
        {
            using var misaligned = await admin.PostAsync(new Uri($"/api/market/import?symbol={symbol}&interval=1h", UriKind.Relative),
                Csv(Header, "2026-01-05T10:30:00Z,1,2,0.5,1.5,1"));
            var error = await ApiJson.AssertErrorEnvelopeAsync(misaligned, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(error.GetProperty("details").TryGetProperty("line 2", out _));

            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\n2026-01-05T10:00:00Z,1,2,0.5,1.5,1\n2026-01-05T11:00:00+00:00,1.5,2,1,1.75,2\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "bars.csv");
            using var ok = await admin.PostAsync(new Uri($"/api/market/import?symbol={symbol}&interval=1h", UriKind.Relative), form);
            Assert.Equal(2, (await ok.ReadDataAsync()).GetProperty("inserted").GetInt32());
        }

        Assert.Equal(2, await CountAsync(symbol, "1h"));
        Assert.Equal(1, await CountAsync(symbol, "4h"));
        Assert.Equal(0, await CountAsync(symbol, "1m"));
    }

    [Fact]
    public async Task Imports_may_be_larger_than_the_general_body_limit()
    {
        var symbol = MarketKit.UniqueSymbol("IMP");
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var body = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 25_000; i++)
        {
            body.Append(start.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(",100.25,101.5,99.75,100.5,12.5\n");
        }

        Assert.True(body.Length > 1024 * 1024, "the file must exceed the general 1 MiB limit");
        var (_, admin) = await _factory.CreateUserWithClientAsync("admin");
        using (admin)
        {
            using var response = await admin.PostAsync(new Uri($"/api/market/import?symbol={symbol}", UriKind.Relative),
                new StringContent(body.ToString(), Encoding.UTF8, "text/csv"));
            Assert.Equal(25_000, (await response.ReadDataAsync()).GetProperty("inserted").GetInt32());
        }

        Assert.Equal(25_000, await CountAsync(symbol));
        Assert.Equal(18, await CountAsync(symbol, "1d")); // 25,000 minutes span 17.4 days
    }

    [Fact]
    public async Task Traders_get_403_and_anonymous_callers_401()
    {
        var symbol = MarketKit.UniqueSymbol("IMP");
        var (_, trader) = await _factory.CreateUserWithClientAsync("trader");
        using (trader)
        {
            using var forbidden = await trader.PostAsync(new Uri($"/api/market/import?symbol={symbol}", UriKind.Relative),
                Csv(Header, "2026-01-05T10:00:00Z,1,2,0.5,1.5,1"));
            await Envelope.AssertErrorAsync(forbidden, 403, "AUTHORIZATION_ERROR");
        }

        using var anonymous = _factory.CreateClient();
        using var unauthorized = await anonymous.PostAsync(new Uri($"/api/market/import?symbol={symbol}", UriKind.Relative),
            Csv(Header, "2026-01-05T10:00:00Z,1,2,0.5,1.5,1"));
        await Envelope.AssertErrorAsync(unauthorized, 401, "AUTHENTICATION_ERROR");
        Assert.Equal(0, await CountAsync(symbol));
    }

    [Fact]
    public async Task A_missing_symbol_or_header_is_422()
    {
        var (_, admin) = await _factory.CreateUserWithClientAsync("admin");
        using (admin)
        {
            using var noSymbol = await admin.PostAsync(new Uri("/api/market/import", UriKind.Relative), Csv(Header, "2026-01-05T10:00:00Z,1,2,0.5,1.5,1"));
            var error = await ApiJson.AssertErrorEnvelopeAsync(noSymbol, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(error.GetProperty("details").TryGetProperty("symbol", out _));

            using var noHeader = await admin.PostAsync(new Uri("/api/market/import?symbol=XYZ", UriKind.Relative), Csv("2026-01-05T10:00:00Z,1,2,0.5,1.5,1"));
            var headerError = await ApiJson.AssertErrorEnvelopeAsync(noHeader, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(headerError.GetProperty("details").TryGetProperty("line 1", out _));
        }
    }
}
