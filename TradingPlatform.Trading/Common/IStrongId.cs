namespace TradingPlatform.Trading.Common;

/// <summary>
/// A Guid-backed identifier with its own type, so that an order's id cannot be passed where an account's belongs.
/// EF Core stores it as uuid (see <see cref="Data.StrongIdConventions"/>); minimal APIs bind it through TryParse.
/// </summary>
public interface IStrongId<TSelf>
    where TSelf : struct, IStrongId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}
