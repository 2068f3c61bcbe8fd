namespace TradingPlatform.Testing;

/// <summary>The Development <c>/health</c> and <c>/alive</c> body.</summary>
public sealed record HealthReportResponse(string Status, double TotalDurationMs, IReadOnlyList<HealthCheckEntry> Checks)
{
    public HealthCheckEntry Check(string name) =>
        Checks.SingleOrDefault(check => check.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"No check '{name}' in the report; it has {string.Join(", ", Checks.Select(c => c.Name))}.");
}
