using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>
    /// Adds a parameter read from <c>Parameters:{name}</c>; when that is absent a value is generated once per machine
    /// and kept in the data folder (never in the repository).
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, bool secret = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new ParameterResource(name, secret));
    }

    /// <summary>Adds a parameter with a fixed default, still overridable through <c>Parameters:{name}</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, string value, bool secret = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parameter = new ParameterResource(name, secret) { DefaultValue = value };
        return builder.AddResource(parameter);
    }
}
