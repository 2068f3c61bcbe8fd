using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using Xunit.Abstractions;

namespace TradingPlatform.Api.Tests.Validation;

/// <summary>
/// The framework's validation (AddValidation) answers in the Api's own terms: a 422 in the error envelope whose
/// details name each field by its camelCase JSON path, nested members included.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BodyValidationTests(InfrastructureFixture infrastructure, ITestOutputHelper output) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_nested_member_is_named_by_its_path_in_the_422_envelope()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonTextAsync("/api/strategies",
                """{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"stopLoss":-1,"takeProfit":5}}""");

            var json = await Envelope.AssertErrorAsync(response, 422, "VALIDATION_ERROR");
            output.WriteLine(json.GetRawText());
            Assert.Equal("Validation failed", json.GetProperty("title").GetString());
            Assert.Equal("https://tradingplatform.dev/errors/validation-error", json.GetProperty("type").GetString());
            Assert.Equal("One or more fields are invalid.", json.GetProperty("detail").GetString());
            Assert.False(json.TryGetProperty("errors", out _), json.GetRawText()); // the framework's own member is not passed on
            var details = json.GetProperty("error").GetProperty("details");
            Assert.Equal(["riskManagement.stopLoss"], details.EnumerateObject().Select(p => p.Name));
            Assert.Equal("stopLoss is a percentage between 0 and 100.", details.GetProperty("riskManagement.stopLoss")[0].GetString());
        }
    }

    [Fact]
    public async Task An_object_nested_in_a_nested_object_is_named_by_its_whole_path()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var body = JsonSerializer.Serialize(new
            {
                strategy = new { algorithm = "sma_crossover", riskManagement = new { takeProfit = 2000m } },
                symbols = new[] { "BTC-USD" }, interval = "1h", start = "2026-01-01T00:00:00Z", end = "2026-01-02T00:00:00Z",
            });
            using var response = await client.PostJsonTextAsync("/api/backtests", body);

            var details = (await Envelope.AssertErrorAsync(response, 422, "VALIDATION_ERROR")).GetProperty("error").GetProperty("details");
            Assert.Equal("takeProfit is a percentage between 0 and 1000.", details.GetProperty("strategy.riskManagement.takeProfit")[0].GetString());
        }
    }

    [Fact]
    public async Task An_IValidatableObject_rule_of_the_body_answers_422_at_its_member()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonTextAsync("/api/api-keys", """{"name":"ci","scopes":["read","launch"]}""");

            var details = (await Envelope.AssertErrorAsync(response, 422, "VALIDATION_ERROR")).GetProperty("error").GetProperty("details");
            Assert.StartsWith("Unknown scope(s): 'launch'.", details.GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_custom_validation_attribute_runs()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostJsonTextAsync("/api/auth/register",
            """{"email":"someone@example.com","password":"alllowercase","name":"Someone"}""");

        var details = (await Envelope.AssertErrorAsync(response, 422, "VALIDATION_ERROR")).GetProperty("error").GetProperty("details");
        Assert.Contains("an upper-case letter", details.GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_was_never_checked_before_is_now_checked_logout_refresh_token_length()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonTextAsync("/api/auth/logout", JsonSerializer.Serialize(new { refreshToken = new string('x', 257) }));

            var details = (await Envelope.AssertErrorAsync(response, 422, "VALIDATION_ERROR")).GetProperty("error").GetProperty("details");
            Assert.True(details.TryGetProperty("refreshToken", out _), details.GetRawText());
        }
    }

    /// <summary>
    /// A missing or <c>null</c> body fails in binding, before validation, and is the 400 it has always been (the old
    /// filter's 422 for a null body was never reached: the binder refuses first).
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_missing_or_null_body_is_a_400_in_the_envelope(string body)
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonTextAsync("/api/strategies", body);

            var json = await Envelope.AssertErrorAsync(response, 400, "VALIDATION_ERROR");
            Assert.Contains("no body was provided", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Legs[0].Price", "legs[0].price")]
    [InlineData("RiskManagement.StopLoss", "riskManagement.stopLoss")]
    [InlineData("Strategy.Parameters.slow", "strategy.parameters.slow")]
    [InlineData("", "")]
    public void Framework_keys_become_camelCase_json_paths(string key, string path) =>
        Assert.Equal(path, TradingPlatform.Api.Infrastructure.Validation.FieldErrors.JsonPath(key));
}
