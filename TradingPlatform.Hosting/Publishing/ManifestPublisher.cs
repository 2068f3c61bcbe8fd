using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Hosting.Publishing;

/// <summary>
/// <c>--publisher manifest --output-path &lt;file-or-dir&gt;</c>: writes the Aspire manifest (what <c>azd</c> reads from an
/// AppHost) and stops the application without starting any resource.
/// </summary>
internal sealed class ManifestPublisher(
    DistributedApplicationModel model,
    DistributedApplicationExecutionContext context,
    IHostApplicationLifetime lifetime,
    ILogger<ManifestPublisher> logger) : BackgroundService
{
    public const string FileName = "aspire-manifest.json";

    /// <summary>The manifest's path from <c>--publisher manifest --output-path</c>, or null when not publishing.</summary>
    public static string? ResolveOutputPath(IConfiguration configuration)
    {
        var publisher = configuration["publisher"] ?? configuration["Publishing:Publisher"];
        if (publisher is null)
        {
            return null;
        }

        if (!string.Equals(publisher, "manifest", StringComparison.OrdinalIgnoreCase))
        {
            throw new DistributedApplicationException($"Unknown publisher '{publisher}'; the only one is 'manifest'.");
        }

        var output = configuration["output-path"] ?? configuration["Publishing:OutputPath"] ?? FileName;
        // As Aspire: a path not ending in .json is a folder that receives aspire-manifest.json.
        return Path.GetFullPath(output.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? output : Path.Combine(output, FileName));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = context.ManifestPath!;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var manifest = ManifestWriter.Write(model, Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, manifest, stoppingToken);
            logger.LogWarning("Published manifest to: {Path}", path);
            Console.WriteLine($"Published manifest to: {path}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DistributedApplicationException)
        {
            Console.Error.WriteLine($"Publishing the manifest to {path} failed: {exception.Message}");
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
