namespace TradingPlatform.Hosting;

internal static class ResourceNames
{
    /// <summary>
    /// Checked before a server's generated parameters are added, so a duplicate name is reported as itself rather than
    /// as a clash of "{name}-password".
    /// </summary>
    public static void ThrowIfTaken(IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Resources.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{name}' already exists; resource names must be unique.");
        }
    }
}
