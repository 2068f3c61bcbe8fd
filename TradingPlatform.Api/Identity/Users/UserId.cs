namespace TradingPlatform.Api.Identity.Users;

/// <summary>A user's id: its own type so that it cannot be passed where an account's or an order's id belongs.</summary>
public readonly record struct UserId(Guid Value)
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static UserId New() => new(Guid.CreateVersion7());

    public static bool TryParse(string? text, out UserId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new UserId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
