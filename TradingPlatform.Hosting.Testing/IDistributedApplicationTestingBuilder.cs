namespace TradingPlatform.Hosting.Testing;

/// <summary>An AppHost's model, ready to be adjusted by a test and built (Aspire.Hosting.Testing's interface).</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
