using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>What is known about one resource at one moment; immutable, replaced on every change.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    /// <summary>Postgres, PostgresDatabase, Redis, RabbitMQ or Project.</summary>
    public required string ResourceType { get; init; }

    public ResourceState State { get; init; } = ResourceState.NotStarted;

    /// <summary>Null until the first health check has run.</summary>
    public HealthStatus? Health { get; init; }

    public string? HealthReason { get; init; }

    public bool IsExternal { get; init; }

    public int? ProcessId { get; init; }

    public int? ExitCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public int Restarts { get; init; }

    /// <summary>Where it runs from: a binary for servers, a project file for projects.</summary>
    public string? Source { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>The variables the process was started with (secrets included: mask them before showing them).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public bool IsHealthy => State == ResourceState.Running && Health == HealthStatus.Healthy;

    /// <summary>A state the resource will not leave by itself.</summary>
    public bool IsTerminal => State is ResourceState.FailedToStart or ResourceState.Exited && !WillRestart;

    /// <summary>True while an exited resource waits for its back-off before starting again.</summary>
    public bool WillRestart { get; init; }
}
