namespace TradingPlatform.Hosting.Processes;

/// <summary>How to launch one process of a resource.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>When this process runs as root, drop to this system user (PostgreSQL and RabbitMQ refuse root).</summary>
    public string? RunAsUser { get; init; }
}
