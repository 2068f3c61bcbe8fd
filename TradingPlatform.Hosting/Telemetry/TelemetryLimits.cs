namespace TradingPlatform.Hosting.Telemetry;

/// <summary>
/// How much telemetry the AppHost keeps in memory, per resource (section <c>Dashboard:Telemetry</c>). When a limit is
/// reached the oldest item goes, so a chatty service can never starve the others or grow the AppHost without bound.
/// </summary>
public sealed class TelemetryLimits
{
    public const string Section = "Dashboard:Telemetry";

    public int MaxLogsPerResource { get; set; } = 10_000;

    public int MaxSpansPerResource { get; set; } = 10_000;

    public int MaxInstrumentsPerResource { get; set; } = 500;

    /// <summary>Points kept per instrument and resource, across all of its attribute sets.</summary>
    public int MaxPointsPerInstrument { get; set; } = 2_000;
}
