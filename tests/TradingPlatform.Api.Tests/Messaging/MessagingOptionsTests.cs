using System.ComponentModel.DataAnnotations;
using TradingPlatform.Messaging;

namespace TradingPlatform.Api.Tests.Messaging;

public sealed class MessagingOptionsTests
{
    [Theory]
    [InlineData(0, 16)]
    [InlineData(257, 1000)]
    [InlineData(32, 16)]
    public void A_consumer_concurrency_out_of_range_or_above_the_prefetch_is_refused(int concurrency, int prefetch)
    {
        var options = new MessagingOptions { ConsumerConcurrency = concurrency, Prefetch = (ushort)prefetch };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(MessagingOptions.ConsumerConcurrency)));
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new MessagingOptions();
        var results = new List<ValidationResult>();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true), string.Join("; ", results));
        Assert.True(options.ConsumerConcurrency > 1);
    }
}
