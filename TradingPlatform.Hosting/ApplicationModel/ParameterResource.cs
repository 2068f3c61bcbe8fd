namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>
/// A value the application needs but the repository must not hold (passwords, signing keys). Its value comes from
/// configuration (<c>Parameters:{name}</c>) or, when absent, is generated once and kept in the machine's data folder.
/// </summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name)
{
    private string? _value;

    public bool Secret { get; } = secret;

    /// <summary>A fixed default used when configuration has none; null means "generate one".</summary>
    public string? DefaultValue { get; init; }

    public string Value => _value
        ?? throw new InvalidOperationException($"Parameter '{Name}' has no value yet; it is resolved when the application is built.");

    internal void SetValue(string value) => _value = value;
}
