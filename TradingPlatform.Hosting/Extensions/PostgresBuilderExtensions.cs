using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>Adds a PostgreSQL server. Without a password parameter, <c>{name}-password</c> is generated.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource>? password = null,
        int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ResourceNames.ThrowIfTaken(builder, name);
        var passwordParameter = password?.Resource ?? builder.AddParameter($"{name}-password", secret: true).Resource;
        return builder.AddResource(new PostgresServerResource(name, passwordParameter, port));
    }

    /// <summary>Adds a database that is created on the server once it is ready.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder,
        string name,
        string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);
        return builder.ApplicationBuilder.AddResource(database);
    }
}
