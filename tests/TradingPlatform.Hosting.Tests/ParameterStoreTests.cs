using Microsoft.Extensions.Configuration;
using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.Tests;

public sealed class ParameterStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tp-params-").FullName;

    [Fact]
    public void A_generated_secret_is_kept_and_reused_on_the_next_run()
    {
        var first = new ParameterResource("postgres-password", secret: true);
        new ParameterStore(_folder, persist: true).Resolve([first], EmptyConfiguration());

        var second = new ParameterResource("postgres-password", secret: true);
        new ParameterStore(_folder, persist: true).Resolve([second], EmptyConfiguration());

        Assert.Equal(first.Value, second.Value);
        Assert.Matches("^[A-Za-z0-9]{48}$", first.Value);
    }

    [Fact]
    public void The_parameters_file_is_readable_by_its_owner_only()
    {
        new ParameterStore(_folder, persist: true).Resolve([new ParameterResource("jwt-signing-key", secret: true)], EmptyConfiguration());

        var mode = File.GetUnixFileMode(Path.Combine(_folder, "parameters.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void Each_parameter_gets_its_own_value()
    {
        var a = new ParameterResource("a-password", secret: true);
        var b = new ParameterResource("b-password", secret: true);
        new ParameterStore(_folder, persist: true).Resolve([a, b], EmptyConfiguration());
        Assert.NotEqual(a.Value, b.Value);
    }

    [Fact]
    public void Configuration_wins_over_generated_and_default_values()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Parameters:messaging-username"] = "trader" })
            .Build();
        var withDefault = new ParameterResource("messaging-username", secret: false) { DefaultValue = "guest" };
        new ParameterStore(_folder, persist: true).Resolve([withDefault], configuration);
        Assert.Equal("trader", withDefault.Value);
        Assert.False(File.Exists(Path.Combine(_folder, "parameters.json")), "a configured value must not be written to disk");
    }

    [Fact]
    public void Without_persistence_nothing_is_written()
    {
        var parameter = new ParameterResource("cache-password", secret: true);
        new ParameterStore(_folder, persist: false).Resolve([parameter], EmptyConfiguration());
        Assert.Equal(48, parameter.Value.Length);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_corrupt_parameters_file_is_a_clear_error()
    {
        File.WriteAllText(Path.Combine(_folder, "parameters.json"), "{not json");
        var error = Assert.Throws<DistributedApplicationException>(
            () => new ParameterStore(_folder, persist: true).Resolve([new ParameterResource("x-password", true)], EmptyConfiguration()));
        Assert.Contains("parameters.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_values_always_mix_upper_lower_and_digits_so_they_pass_password_rules()
    {
        for (var i = 0; i < 2000; i++)
        {
            var value = ParameterStore.Generate();
            Assert.Contains(value, char.IsAsciiLetterUpper);
            Assert.Contains(value, char.IsAsciiLetterLower);
            Assert.Contains(value, char.IsAsciiDigit);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IConfiguration EmptyConfiguration() => new ConfigurationBuilder().Build();
}
