namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>
/// Generated for every ProjectReference marked <c>IsAspireProjectResource="true"</c> (see build/ProjectMetadata.targets),
/// as <c>Projects.TradingPlatform_Api</c> and so on.
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
}
