using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.Jobs;

/// <summary>
/// The one place that sets up Hangfire's storage: PostgreSQL, schema <c>hangfire</c> of <c>tradingdb</c>
/// (<c>ConnectionStrings:tradingdb</c>, as Aspire provides it), which the first service to start creates and upgrades.
/// Enqueuers call <see cref="AddJobClient"/>, servers <see cref="AddJobServer"/>.
/// </summary>
/// <remarks>
/// Hangfire keeps process-wide state (<c>JobStorage.Current</c>, the activator, the serializer settings). This
/// registers its own <see cref="JobStorage"/> and <see cref="JobActivator"/> singletons, which Hangfire's client, server
/// and dashboard take from DI, so that two hosts in one process (tests) never share a storage or a service provider.
/// </remarks>
public static partial class HangfireStorageExtensions
{
    public const string ConnectionName = "tradingdb";

    public const string SchemaName = "hangfire";

    /// <summary>The name of the Worker's readiness check of the storage.</summary>
    public const string HealthCheckName = "hangfire";

    /// <summary>
    /// How often a server asks whether its running jobs were deleted (or moved to another state): deleting a running job
    /// cancels the token it was given within this time. Hangfire's default is 5 s.
    /// </summary>
    public static TimeSpan CancellationCheckInterval { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The storage and Hangfire's client services (<see cref="IBackgroundJobClient"/>, <see cref="IRecurringJobManager"/>),
    /// no server: jobs enqueued here run wherever a server of their queue runs.
    /// </summary>
    public static IHostApplicationBuilder AddJobClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddStorage(builder);
        return builder;
    }

    /// <summary>
    /// The storage, the client services, a Hangfire server that runs the jobs of <paramref name="queues"/>, and the
    /// <see cref="HealthCheckName"/> readiness check of the storage.
    /// </summary>
    public static IHostApplicationBuilder AddJobServer(this IHostApplicationBuilder builder, params string[] queues)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(queues);
        if (queues.Length == 0)
        {
            throw new ArgumentException("A job server serves at least one queue.", nameof(queues));
        }

        foreach (var queue in queues)
        {
            if (queue is null || !QueueName().IsMatch(queue))
            {
                throw new ArgumentException($"'{queue}' is not a Hangfire queue name: lower-case letters, digits and underscores only.", nameof(queues));
            }
        }

        if (!builder.Properties.TryAdd(typeof(BackgroundJobServerOptions), true))
        {
            throw new InvalidOperationException("AddJobServer was called twice: a service runs one Hangfire server, on all the queues it serves.");
        }

        AddStorage(builder);
        string[] served = [.. queues.Distinct(StringComparer.Ordinal)];
        builder.Services.AddHangfireServer((services, options) =>
        {
            var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
            options.Queues = served;
            options.WorkerCount = jobs.WorkerCount;
            // Hangfire appends the process id and a GUID: the dashboard's servers read "machine:pid:guid".
            options.ServerName = Environment.MachineName;
            options.CancellationCheckInterval = CancellationCheckInterval;
        });
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            HealthCheckName,
            services => ActivatorUtilities.CreateInstance<HangfireStorageHealthCheck>(services),
            failureStatus: null,
            DependencyHealthChecks.Tags,
            DependencyHealthChecks.Timeout));
        return builder;
    }

    /// <summary>Hangfire's storage options for <paramref name="jobs"/>.</summary>
    internal static PostgreSqlStorageOptions CreateStorageOptions(JobsOptions jobs) => new()
    {
        SchemaName = SchemaName,
        // The first service to start (Api or Worker) creates or upgrades the schema; the installer skips applied versions.
        PrepareSchemaIfNecessary = true,
        InvisibilityTimeout = jobs.InvisibilityTimeout,
        // A server renews the fetch time of its running jobs, so a short invisibility timeout does not hand a long job
        // to a second server; only a dead server's jobs become visible again.
        UseSlidingInvisibilityTimeout = true,
        QueuePollInterval = jobs.QueuePollInterval,
        // The storage installs its schema when it is created (at a server's start, at a client's first use). Two short
        // retries ride out a concurrent install by another service; a database that is down leaves the storage
        // "degraded" rather than failing the host: it installs on first use once the database is back, and the
        // readiness check says why it is not ready meanwhile. Hangfire.PostgreSql's default (5 retries from 1 s, about
        // 30 s of sleeping) would hold up the start of a service whose database is down for that long.
        StartupConnectionMaxRetries = 2,
        StartupConnectionBaseDelay = TimeSpan.FromMilliseconds(200),
        StartupConnectionMaxDelay = TimeSpan.FromSeconds(1),
        AllowDegradedModeWithoutStorage = true,
    };

    private static void AddStorage(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryAdd(typeof(HangfireStorageExtensions), true))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionName)))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{ConnectionName}' " +
                $"(environment variable 'ConnectionStrings__{ConnectionName}').");
        }

        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Registered before AddHangfire, whose own registrations (JobStorage.Current, JobActivator.Current) are TryAdds.
        services.AddSingleton<JobStorage>(provider =>
        {
            var options = CreateStorageOptions(provider.GetRequiredService<IOptions<JobsOptions>>().Value);
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName)!;
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            // Job types are stored as "Namespace.Type, Assembly" without version, so a job enqueued by one build runs on the next.
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));
    }

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
