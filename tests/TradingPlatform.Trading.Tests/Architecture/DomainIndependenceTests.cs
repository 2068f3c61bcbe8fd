using System.Xml.Linq;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Tests.Architecture;

/// <summary>
/// The domain library (TradingPlatform.Trading) holds no infrastructure: its storage lives in
/// TradingPlatform.Trading.Persistence and its I/O in TradingPlatform.Trading.Infrastructure. These checks fail the build's
/// tests when a package or an infrastructure project is referenced again, in the project file or in the compiled IL.
/// </summary>
public sealed class DomainIndependenceTests
{
    private static readonly string[] InfrastructureAssemblyPrefixes =
    [
        "Microsoft.EntityFrameworkCore", "Npgsql", "StackExchange.Redis", "RabbitMQ", "Hangfire", "Microsoft.AspNetCore",
        "Microsoft.Extensions.Hosting", "TradingPlatform.Messaging", "TradingPlatform.ServiceDefaults",
        "TradingPlatform.Trading.Persistence", "TradingPlatform.Trading.Infrastructure",
    ];

    [Fact]
    public void The_compiled_domain_references_no_infrastructure_assembly()
    {
        var referenced = typeof(Order).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains(referenced, name => name.StartsWith("System.", StringComparison.Ordinal) || name == "System.Runtime");
        var infrastructure = referenced
            .Where(name => InfrastructureAssemblyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        Assert.True(infrastructure.Count == 0, $"TradingPlatform.Trading references {string.Join(", ", infrastructure)}.");
    }

    [Fact]
    public void The_domain_project_file_has_no_package_and_no_project_reference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "TradingPlatform.Trading", "TradingPlatform.Trading.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}")
            .ToList();
        Assert.True(references.Count == 0, $"TradingPlatform.Trading.csproj has {string.Join(", ", references)}.");
        Assert.Contains(project.Descendants(), e => e.Name.LocalName == "InternalsVisibleTo");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TradingPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TradingPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
