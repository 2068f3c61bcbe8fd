namespace TradingPlatform.Hosting;

/// <summary>How this run of the AppHost was asked to behave.</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOptions options)
{
    /// <summary>Folder that holds the servers' data and the generated parameters; it persists across runs.</summary>
    public string DataPath { get; } = options.DataPath ?? DataPaths.Default();

    /// <summary>True under the test harness: every port is chosen free, nothing is fixed.</summary>
    public bool RandomizePorts { get; } = options.RandomizePorts;

    /// <summary>Whether resources' console output is copied to this process's console, prefixed with their name.</summary>
    public bool EchoResourceOutput { get; } = options.EchoResourceOutput;

    /// <summary>Whether generated parameters are written to the data folder (false: kept in memory for this run).</summary>
    public bool PersistParameters { get; } = options.PersistParameters;

    /// <summary>False for throw-away test data: servers skip fsync and similar durability work.</summary>
    public bool DurableData { get; } = options.DurableData;

    /// <summary>Where <c>--publisher manifest --output-path …</c> asked for the manifest; null when the application runs.</summary>
    public string? ManifestPath { get; } = options.ManifestPath;

    /// <summary>True when this run only writes the deployment manifest and starts nothing.</summary>
    public bool IsPublishMode => ManifestPath is not null;

    public bool IsRunMode => !IsPublishMode;

    /// <summary>
    /// The application's services, once it is built (Aspire's <c>ExecutionContext.ServiceProvider</c>): environment
    /// callbacks that run at launch time read per-run settings from it.
    /// </summary>
    public IServiceProvider? ServiceProvider { get; internal set; }
}
