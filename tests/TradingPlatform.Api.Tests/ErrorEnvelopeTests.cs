using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

/// <summary>Every failure the framework or the code can produce answers with the error envelope and the right status.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ErrorEnvelopeTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_unknown_route_is_a_404_in_the_envelope()
    {
        await using var factory = new ApiFactory(infrastructure);
        using var client = factory.CreateClient();

        var json = await Envelope.AssertErrorAsync(await client.GetAsync("/api/no-such-thing"), 404, "NOT_FOUND_ERROR");

        Assert.Equal("/api/no-such-thing", json.GetProperty("instance").GetString());
        Assert.Contains("GET /api/no-such-thing", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_naming_the_allowed_ones()
    {
        await using var factory = new ApiFactory(infrastructure);
        using var client = factory.CreateClient();

        using var response = await client.PostJsonTextAsync("/api/status", "{}");

        var json = await Envelope.AssertErrorAsync(response, 405, "NOT_FOUND_ERROR");
        Assert.Contains("GET", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_with_413()
    {
        await using var factory = new ApiFactory(infrastructure);
        using var client = factory.CreateClient();

        using var response = await client.PostJsonTextAsync("/api/auth/login", "{\"email\":\"" + new string('a', 1024 * 1024 + 10) + "\"}");

        var json = await Envelope.AssertErrorAsync(response, 413, "VALIDATION_ERROR");
        Assert.Contains("limit is 1048576 bytes", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task An_unhandled_exception_is_a_500_that_shows_internals_only_in_Development(string environment)
    {
        await using var factory = new ApiFactory(infrastructure, environment);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/test/boom");

        var json = await Envelope.AssertErrorAsync(response, 500, "INTERNAL_SERVER_ERROR");
        Assert.Equal("An unexpected error occurred.", json.GetProperty("detail").GetString());
        var raw = json.GetRawText();
        if (environment == "Production")
        {
            Assert.DoesNotContain("secret internals", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", raw, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("secret internals", json.GetProperty("developerDetail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_dependency_outage_is_a_503_with_retry_after()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/test/outage");

        await Envelope.AssertErrorAsync(response, 503, "SERVICE_UNAVAILABLE_ERROR");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Redis_being_down_makes_rate_limited_requests_a_503_not_a_500()
    {
        await using var factory = new ApiFactory(infrastructure, "Production",
            ("ConnectionStrings:cache", $"127.0.0.1:{ClosedPort.Next()},connectTimeout=500"),
            ("RateLimiting:Enabled", "true"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/no-such-thing");

        await Envelope.AssertErrorAsync(response, 503, "SERVICE_UNAVAILABLE_ERROR");
    }

    [Fact]
    public async Task Every_response_carries_the_trace_id_and_the_security_headers()
    {
        await using var factory = new ApiFactory(infrastructure);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues("X-Trace-Id")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_allows_only_the_configured_origins()
    {
        await using var factory = new ApiFactory(infrastructure, "Production", ("Api:CorsOrigins:0", "https://app.example"));
        using var client = factory.CreateClient();

        using var allowed = await PreflightAsync(client, "https://app.example");
        using var refused = await PreflightAsync(client, "https://evil.example");

        Assert.Equal("https://app.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/status", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await client.SendAsync(request);
    }
}
