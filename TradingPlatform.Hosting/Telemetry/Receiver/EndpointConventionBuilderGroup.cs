using Microsoft.AspNetCore.Builder;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary>Applies each convention to several endpoints, so one <c>.RequireHost(…)</c> covers all three OTLP services.</summary>
internal sealed class EndpointConventionBuilderGroup(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
