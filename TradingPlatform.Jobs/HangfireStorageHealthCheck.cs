using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.Jobs;

/// <summary>
/// Readiness of Hangfire's storage: a read through the storage itself (the count of recurring jobs, from the
/// <c>hangfire</c> schema), so it fails when the schema is missing or not yet installed as well as when the database is
/// down, which the service's <c>tradingdb</c> check alone would not tell.
/// </summary>
internal sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    private const string RecurringJobsSet = "recurring-jobs";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Hangfire's storage API is synchronous; keep the probe off the request thread.
            var recurring = await Task.Run(() =>
            {
                using var connection = storage.GetConnection();
                return connection is JobStorageConnection storageConnection
                    ? storageConnection.GetSetCount(RecurringJobsSet)
                    : connection.GetAllItemsFromSet(RecurringJobsSet).Count;
            }, cancellationToken);
            return HealthCheckResult.Healthy($"Schema {HangfireStorageExtensions.SchemaName}; {recurring} recurring job(s).");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(FailureDescription.From(exception));
        }
    }
}
