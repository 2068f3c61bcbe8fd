using TradingPlatform.Hosting.LocalServers.Parameters;

namespace TradingPlatform.Hosting.LocalServers.Tests;

public sealed class ParameterStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tp-params-").FullName;

    [Fact]
    public void A_generated_secret_is_kept_and_reused_on_the_next_run()
    {
        var first = new ParameterStore(_folder).GetOrCreate("postgres-password");
        var second = new ParameterStore(_folder).GetOrCreate("postgres-password");

        Assert.Equal(first, second);
        Assert.Matches("^[A-Za-z0-9]{48}$", first);
    }

    [Fact]
    public void The_parameters_file_is_readable_by_its_owner_only()
    {
        new ParameterStore(_folder).GetOrCreate("jwt-signing-key");

        var mode = File.GetUnixFileMode(Path.Combine(_folder, "parameters.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void Each_parameter_gets_its_own_value_and_every_value_passes_password_rules()
    {
        var store = new ParameterStore(_folder);
        var values = Enumerable.Range(0, 20).Select(i => store.GetOrCreate($"p{i}")).ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.True(v.Any(char.IsAsciiLetterUpper) && v.Any(char.IsAsciiLetterLower) && v.Any(char.IsAsciiDigit), v));
    }

    [Fact]
    public void A_corrupt_parameters_file_is_a_clear_error_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_folder, "parameters.json"), "{ not json");

        var error = Assert.Throws<Aspire.Hosting.DistributedApplicationException>(() => new ParameterStore(_folder).GetOrCreate("x"));
        Assert.Contains("parameters.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
