using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Accounts;

/// <summary>A trading account's id.</summary>
public readonly record struct AccountId(Guid Value) : IStrongId<AccountId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static AccountId New() => new(Guid.CreateVersion7());

    public static AccountId From(Guid value) => new(value);

    public static bool TryParse(string? text, out AccountId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new AccountId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
