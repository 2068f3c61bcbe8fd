using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.LocalServers.Tests;

/// <summary>A problem found before start is one line naming the resource, the cause and the fix, and nothing starts.</summary>
public sealed class PreflightTests : IDisposable
{
    private readonly string _dataPath = TestDataFolders.Create();

    [Fact]
    public async Task A_missing_server_binary_names_the_resource_and_the_package_to_install_and_starts_nothing()
    {
        var builder = await TestServersApp.CreateAsync(_dataPath);
        var folder = Path.Combine(_dataPath, "ghost");
        builder.AddExecutable("ghost", "ghost-server", _dataPath)
            .WithAnnotation(new LocalServerAnnotation(folder, null, [new RequiredBinary("ghost-server", null, "ghost-package")]));

        var problem = await StartExpectingProblemAsync(builder);

        Assert.Equal("ghost: ghost-server is not installed; install it with: apt-get install -y ghost-package (./run.sh and ./test.sh do this)", problem.Message);
        await TestServersApp.WaitUntilNothingRunsInAsync(_dataPath);
    }

    [Fact]
    public async Task An_unwritable_data_folder_names_the_resource_the_folder_and_the_setting()
    {
        var file = Path.Combine(_dataPath, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var builder = await TestServersApp.CreateAsync(Path.Combine(file, "data"),
            "--Parameters:postgres-password=Pw1aaaaaaaa", "--Parameters:cache-password=Pw1aaaaaaaa", "--Parameters:messaging-password=Pw1aaaaaaaa");

        var problem = await StartExpectingProblemAsync(builder);

        Assert.StartsWith($"postgres: data folder {Path.Combine(file, "data", "postgres")} is not writable", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("set AppHost:DataPath to a writable folder or fix its permissions", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Fact]
    public async Task A_fixed_port_held_by_another_program_names_the_resource_and_the_port()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = await TestServersApp.CreateAsync(_dataPath, "--DcpPublisher:RandomizePorts=false");
        builder.AddExecutable("fixed", "sleep", _dataPath, "30").WithEndpoint(port: port, name: "tcp", isProxied: false);

        var problem = await StartExpectingProblemAsync(builder);

        Assert.StartsWith($"fixed: port {port} (tcp) is in use by another program; stop that program", problem.Message, StringComparison.Ordinal);
        await TestServersApp.WaitUntilNothingRunsInAsync(_dataPath);
    }

    private static async Task<LocalServerException> StartExpectingProblemAsync(IDistributedApplicationTestingBuilder builder)
    {
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TestServersApp.Timeout);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(timeout.Token));
        return Find(error) ?? throw new Xunit.Sdk.XunitException($"expected a LocalServerException, got {error}");
    }

    private static LocalServerException? Find(Exception exception) => exception switch
    {
        LocalServerException problem => problem,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(p => p is not null),
        _ => exception.InnerException is { } inner ? Find(inner) : null,
    };

    public void Dispose() => TestDataFolders.Delete(_dataPath);
}
