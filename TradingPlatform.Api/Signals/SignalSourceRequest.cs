using System.ComponentModel.DataAnnotations;
using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>Who produced a posted signal; by default the posting user, as a manual signal.</summary>
public sealed record SignalSourceRequest
{
    [Required(ErrorMessage = "The source kind is required.")]
    [AllowedValues("strategy", "ai", "manual", "internal", ErrorMessage = "The source kind is strategy, ai, manual or internal.")]
    public string? Kind { get; init; }

    [StringLength(SignalSource.MaxIdLength, ErrorMessage = "The source id is at most 64 characters.")]
    public string? Id { get; init; }

    [StringLength(SignalSource.MaxNameLength, ErrorMessage = "The source name is at most 100 characters.")]
    public string? Name { get; init; }
}
