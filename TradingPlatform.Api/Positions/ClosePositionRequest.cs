using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Positions;

/// <summary>Seed 004's close: the position, and optionally how much of it (all of it by default).</summary>
public sealed record ClosePositionRequest
{
    [Required]
    public Guid? PositionId { get; init; }

    public decimal? Quantity { get; init; }
}
