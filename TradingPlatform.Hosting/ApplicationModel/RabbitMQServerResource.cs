namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A RabbitMQ broker with its own Erlang port mapper, on loopback.</summary>
public sealed class RabbitMQServerResource(string name, ParameterResource userName, ParameterResource password, int? port)
    : ServerResource(name, port), IResourceWithConnectionString
{
    public ParameterResource UserName { get; } = userName;

    public ParameterResource Password { get; } = password;

    public ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ExternalConnectionString ?? (AllocatedPort is int p
            ? $"amqp://{Uri.EscapeDataString(UserName.Value)}:{Uri.EscapeDataString(Password.Value)}@127.0.0.1:{p}"
            : null));
}
