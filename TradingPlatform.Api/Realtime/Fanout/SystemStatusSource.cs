using TradingPlatform.Api.Monitoring;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>The Monitoring feature's status (the same as GET /api/system/status), read in a scope of its own.</summary>
internal sealed class SystemStatusSource(IServiceScopeFactory scopes)
{
    public async Task<SystemStatus> GetAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SystemStatusService>().GetStatusAsync(cancellationToken);
    }
}
