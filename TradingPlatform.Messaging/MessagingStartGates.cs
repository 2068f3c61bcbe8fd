namespace TradingPlatform.Messaging;

/// <summary>What the relay and the consumers do first: wait until every start gate (the owning schema's migrations) has opened.</summary>
internal static class MessagingStartGates
{
    /// <returns>False when the service stopped before the gates opened.</returns>
    public static async Task<bool> WaitAllAsync(IEnumerable<IMessagingStartGate> gates, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var gate in gates)
            {
                await gate.WaitAsync(stoppingToken);
            }

            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
