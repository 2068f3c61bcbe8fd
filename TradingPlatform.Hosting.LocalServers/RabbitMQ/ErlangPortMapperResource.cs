using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.LocalServers.RabbitMQ;

/// <summary>
/// The Erlang port mapper (epmd) of one RabbitMQ node, on a private port: brokers of parallel runs never share one,
/// and it stops with the AppHost instead of outliving it as the daemon a broker would start for itself.
/// </summary>
public sealed class ErlangPortMapperResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    public const string EndpointName = "tcp";

    private EndpointReference? _endpoint;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);
}
