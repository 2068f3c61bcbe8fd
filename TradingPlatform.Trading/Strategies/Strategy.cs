using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// A user's trading strategy (seed 001): what it trades, its risk limits and free-form parameters. It belongs to
/// <see cref="OwnerId"/> only. Deleting one is soft (<see cref="DeletedAt"/>), so that orders and signals that name it
/// keep a valid reference; deleted strategies are invisible to queries.
/// </summary>
public sealed class Strategy
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxSymbols = 20;

    /// <summary>The largest <see cref="Parameters"/> document accepted, in UTF-8 bytes.</summary>
    public const int MaxParametersBytes = 16 * 1024;

    public StrategyId Id { get; init; } = StrategyId.New();

    /// <summary>The user who owns it (the identity user's id).</summary>
    public required Guid OwnerId { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public StrategyType Type { get; set; }

    /// <summary>
    /// The algorithm it runs (<see cref="Algorithms.StrategyAlgorithms"/>), whose typed parameters <see cref="Parameters"/>
    /// then holds; null for a manual strategy traded by hand from its signals. An automated strategy needs one.
    /// </summary>
    public string? Algorithm { get; set; }

    /// <summary>The bars the algorithm decides on when it runs live (a backtest names its own interval).</summary>
    public CandleInterval Interval { get; set; } = CandleInterval.OneHour;

    /// <summary>The owner's account an active automated strategy trades in; null until one is attached.</summary>
    public AccountId? AccountId { get; set; }

    public StrategyStatus Status { get; private set; } = StrategyStatus.Inactive;

    /// <summary>Catalog symbols, as the catalog spells them, without duplicates.</summary>
    public List<string> Symbols { get; init; } = [];

    public RiskManagement RiskManagement { get; set; } = RiskManagement.Default;

    /// <summary>A JSON object (jsonb), opaque to the platform; the strategy's code reads it.</summary>
    public string Parameters { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool CanChangeStatusTo(StrategyStatus status) => StrategyStatusTransitions.IsAllowed(Status, status);

    /// <summary>Changes the status along <see cref="StrategyStatusTransitions"/>.</summary>
    /// <exception cref="InvalidOperationException">The transition is not allowed.</exception>
    public void ChangeStatus(StrategyStatus status, DateTimeOffset now)
    {
        if (!CanChangeStatusTo(status))
        {
            throw new InvalidOperationException($"A strategy cannot go from {Status} to {status}.");
        }

        if (Status != status)
        {
            Status = status;
            UpdatedAt = now;
        }
    }

    public void ReplaceSymbols(IEnumerable<string> symbols)
    {
        Symbols.Clear();
        Symbols.AddRange(symbols);
    }

    /// <summary>Stops and hides it; idempotent.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return;
        }

        Status = StrategyStatus.Inactive;
        DeletedAt = now;
        UpdatedAt = now;
    }
}
