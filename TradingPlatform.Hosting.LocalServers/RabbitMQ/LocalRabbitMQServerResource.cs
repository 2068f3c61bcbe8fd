using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.LocalServers.RabbitMQ;

/// <summary>
/// A RabbitMQ node run as a local process, with the connection string of Aspire's <c>RabbitMQServerResource</c>
/// (<c>amqp://user:password@host:port</c>).
/// </summary>
public sealed class LocalRabbitMQServerResource(
    string name, string command, string workingDirectory, ParameterResource? userName, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    /// <summary>Erlang distribution (the node's port for rabbitmqctl and clustering), allocated like the AMQP port.</summary>
    public const string DistributionEndpointName = "distribution";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, EndpointName);

    /// <summary>Null for RabbitMQ's default user, <c>guest</c>, as with Aspire's container.</summary>
    public ParameterResource? UserNameParameter { get; } = userName;

    public ReferenceExpression UserNameReference => UserNameParameter is null
        ? ReferenceExpression.Create($"guest")
        : ReferenceExpression.Create($"{UserNameParameter}");

    public ParameterResource PasswordParameter { get; } = password;

    public string NodeName => $"{Name}@localhost";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserNameReference}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
