using System.Net;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

/// <summary>Limits counted in Redis trip at the configured count and hold across Api instances.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RateLimitTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_anonymous_limit_trips_at_the_configured_count_with_retry_after()
    {
        await using var factory = new ApiFactory(infrastructure, "Production", ("RateLimiting:Enabled", "true"), ("RateLimiting:PerIp", "5"));
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var allowed = await client.GetAsync("/api/no-such-thing");
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var limited = await client.GetAsync("/api/no-such-thing");
        await Envelope.AssertErrorAsync(limited, 429, "RATE_LIMIT_ERROR");
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Two_Api_instances_sharing_Redis_share_the_count()
    {
        await using var first = new ApiFactory(infrastructure, "Production", ("RateLimiting:Enabled", "true"), ("RateLimiting:PerIp", "4"));
        await using var second = new ApiFactory(infrastructure, "Production", ("RateLimiting:Enabled", "true"), ("RateLimiting:PerIp", "4"), first.ReplicaSetting);
        second.UseClientIp(first.ClientIp);
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/api/no-such-thing")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync("/api/no-such-thing")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await b.GetAsync("/api/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await a.GetAsync("/api/no-such-thing")).StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        await using var factory = new ApiFactory(infrastructure, "Production", ("RateLimiting:Enabled", "true"), ("RateLimiting:PerIp", "1"));
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        }
    }
}
