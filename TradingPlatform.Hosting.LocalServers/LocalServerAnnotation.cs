using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.LocalServers;

/// <summary>
/// Marks a resource as a local server process: where its data lives, which system user owns that folder, and the
/// binaries it needs, so the pre-flight check can refuse to start with one clear line before anything runs.
/// </summary>
/// <param name="DataDirectory">The server's own folder; it is also its working directory (see StaleProcess).</param>
/// <param name="SystemUser">The user the server runs as when the AppHost is root (postgres, rabbitmq), else null.</param>
/// <param name="Binaries">Each binary the server needs, with its path when found, and the Debian package that ships it.</param>
public sealed record LocalServerAnnotation(
    string DataDirectory,
    string? SystemUser,
    IReadOnlyList<RequiredBinary> Binaries) : IResourceAnnotation;

/// <summary>A program a local server needs; <see cref="Path"/> is null when it is not installed.</summary>
public sealed record RequiredBinary(string Name, string? Path, string Package);
