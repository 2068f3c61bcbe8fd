namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A named part of the distributed application: a server, a database, a project or a parameter.</summary>
public interface IResource
{
    string Name { get; }
}
