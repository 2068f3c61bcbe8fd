using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Api.Mcp;

/// <summary>An account argument: the given id (whose ownership the services check), or the caller's default account.</summary>
internal sealed class McpAccountResolver(DefaultAccountResolver defaults)
{
    public async Task<AccountId> ResolveAsync(Guid ownerId, string? accountId, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(accountId)
            ? await defaults.ResolveAsync(ownerId, cancellationToken)
            : new AccountId(McpToolErrors.ParseId("accountId", accountId));
}
