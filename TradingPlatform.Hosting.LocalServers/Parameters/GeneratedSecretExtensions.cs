using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using TradingPlatform.Hosting.LocalServers.Infrastructure;

namespace TradingPlatform.Hosting.LocalServers.Parameters;

public static class GeneratedSecretExtensions
{
    /// <summary>
    /// A secret parameter whose value is <c>Parameters:{name}</c> from configuration when set, else, in run mode, a
    /// value generated once and kept in the data folder's <c>parameters.json</c>. In the published manifest it is a
    /// secret <c>parameter.v0</c> with a <c>generate</c> default, so azd generates it for a deployment.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parameter = builder.AddParameter(name, new GenerateParameterDefault
        {
            MinLength = 32,
            Special = false,
            MinLower = 1,
            MinUpper = 1,
            MinNumeric = 1,
        }, secret: true);

        var key = $"Parameters:{name}";
        if (builder.ExecutionContext.IsRunMode && string.IsNullOrEmpty(builder.Configuration[key]))
        {
            var store = new ParameterStore(LocalServerSettings.From(builder).DataPath);
            builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(key, store.GetOrCreate(name))]);
        }

        return parameter;
    }
}
