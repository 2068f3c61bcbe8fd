namespace TradingPlatform.Hosting;

/// <summary>Options for <see cref="DistributedApplication.CreateBuilder(DistributedApplicationOptions)"/>.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Overrides the data folder; <c>AppHost:DataPath</c> in configuration does too.</summary>
    public string? DataPath { get; set; }

    public bool RandomizePorts { get; set; }

    public bool EchoResourceOutput { get; set; } = true;

    public bool PersistParameters { get; set; } = true;

    /// <summary>False for throw-away test data: servers skip fsync and similar durability work.</summary>
    public bool DurableData { get; set; } = true;

    /// <summary>Runs without the dashboard and its OTLP receiver (the test harness's default, as in Aspire's).</summary>
    public bool DisableDashboard { get; set; }

    /// <summary>Set to write the Aspire manifest there and start nothing (<c>--publisher manifest --output-path</c> sets it).</summary>
    public string? ManifestPath { get; set; }

    /// <summary>Configuration overrides applied last (the test harness uses them).</summary>
    public IDictionary<string, string?> ConfigurationOverrides { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}
