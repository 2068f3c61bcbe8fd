using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.Publishing;

/// <summary>
/// The application model as an Aspire manifest (schema aspire-8.0, as Aspire 9 writes it) using only the resource
/// types azd deploys: <c>container.v0</c> with the official images for the servers (which run as local processes
/// under <c>./run.sh</c>), <c>value.v0</c> for the database, <c>project.v0</c> for the services and
/// <c>parameter.v0</c> for every secret. Never <c>executable.v0</c>, which azd rejects.
/// </summary>
public static class ManifestWriter
{
    public const string PostgresImage = "docker.io/library/postgres";
    public const string PostgresTag = "17.6";
    public const string RedisImage = "docker.io/library/redis";
    public const string RedisTag = "7.4";
    public const string RabbitMQImage = "docker.io/library/rabbitmq";
    public const string RabbitMQTag = "4.1-management";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="manifestDirectory">Project paths are written relative to it, as azd resolves them.</param>
    public static string Write(DistributedApplicationModel model, string manifestDirectory)
    {
        ArgumentNullException.ThrowIfNull(model);
        var resources = new JsonObject();
        foreach (var resource in model.Resources)
        {
            resources[resource.Name] = resource switch
            {
                ParameterResource parameter => Parameter(parameter),
                PostgresServerResource postgres => Postgres(postgres),
                PostgresDatabaseResource database => new JsonObject
                {
                    ["type"] = "value.v0",
                    ["connectionString"] = $"{{{database.Server.Name}.connectionString}};Database={database.DatabaseName}",
                },
                RedisResource redis => Redis(redis),
                RabbitMQServerResource rabbit => RabbitMQ(rabbit),
                ProjectResource project => Project(project, manifestDirectory),
                _ => throw new DistributedApplicationException(
                    $"'{resource.Name}' is a {resource.GetType().Name}, which the manifest publisher cannot describe."),
            };
        }

        var manifest = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/aspire-8.0.json",
            ["resources"] = resources,
        };
        return manifest.ToJsonString(Indented);
    }

    private static JsonObject Parameter(ParameterResource parameter)
    {
        // A secret without a configured value gets azd's generated default, as Aspire writes for generated parameters.
        JsonObject? defaultValue = parameter.DefaultValue is { } value
            ? new JsonObject { ["value"] = value }
            : parameter.Secret ? GeneratedSecret() : null;
        var input = new JsonObject { ["type"] = "string" };
        if (parameter.Secret)
        {
            input["secret"] = true;
        }

        if (defaultValue is not null)
        {
            input["default"] = defaultValue;
        }

        return new JsonObject
        {
            ["type"] = "parameter.v0",
            ["value"] = $"{{{parameter.Name}.inputs.value}}",
            ["inputs"] = new JsonObject { ["value"] = input },
        };
    }

    /// <summary>
    /// What the AppHost generates locally (ParameterStore): 48 letters and digits with at least one of each kind, so a
    /// generated value is a valid HMAC-SHA256 key and passes the password rules of the seeded users.
    /// </summary>
    private static JsonObject GeneratedSecret() => new()
    {
        ["generate"] = new JsonObject
        {
            ["minLength"] = 48,
            ["special"] = false,
            ["minLower"] = 1,
            ["minUpper"] = 1,
            ["minNumeric"] = 1,
        },
    };

    private static JsonObject Postgres(PostgresServerResource postgres)
    {
        var password = $"{{{postgres.Password.Name}.value}}";
        return Container(
            postgres.Name,
            $"Host={{{postgres.Name}.bindings.tcp.host}};Port={{{postgres.Name}.bindings.tcp.port}};Username={PostgresServerResource.UserName};Password={password}",
            PostgresImage, PostgresTag,
            new JsonObject
            {
                ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
                ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
                ["POSTGRES_USER"] = PostgresServerResource.UserName,
                ["POSTGRES_PASSWORD"] = password,
            },
            targetPort: 5432,
            volumeTarget: "/var/lib/postgresql/data");
    }

    private static JsonObject Redis(RedisResource redis)
    {
        var container = Container(
            redis.Name,
            $"{{{redis.Name}.bindings.tcp.host}}:{{{redis.Name}.bindings.tcp.port}},password={{{redis.Password.Name}.value}}",
            RedisImage, RedisTag,
            new JsonObject { ["REDIS_PASSWORD"] = $"{{{redis.Password.Name}.value}}" },
            targetPort: 6379,
            volumeTarget: "/data");
        // As Aspire: the password reaches redis-server through the environment, not the command line's literal.
        container["entrypoint"] = "/bin/sh";
        container["args"] = new JsonArray("-c", "redis-server --requirepass $REDIS_PASSWORD --save 60 1");
        return container;
    }

    private static JsonObject RabbitMQ(RabbitMQServerResource rabbit) => Container(
        rabbit.Name,
        $"amqp://{{{rabbit.UserName.Name}.value}}:{{{rabbit.Password.Name}.value}}@{{{rabbit.Name}.bindings.tcp.host}}:{{{rabbit.Name}.bindings.tcp.port}}",
        RabbitMQImage, RabbitMQTag,
        new JsonObject
        {
            ["RABBITMQ_DEFAULT_USER"] = $"{{{rabbit.UserName.Name}.value}}",
            ["RABBITMQ_DEFAULT_PASS"] = $"{{{rabbit.Password.Name}.value}}",
        },
        targetPort: 5672,
        volumeTarget: "/var/lib/rabbitmq");

    private static JsonObject Container(string name, string connectionString, string image, string tag, JsonObject env, int targetPort, string volumeTarget) => new()
    {
        ["type"] = "container.v0",
        ["connectionString"] = connectionString,
        ["image"] = $"{image}:{tag}",
        ["volumes"] = new JsonArray(new JsonObject
        {
            ["name"] = $"tradingplatform-{name}-data",
            ["target"] = volumeTarget,
            ["readOnly"] = false,
        }),
        ["env"] = env,
        ["bindings"] = new JsonObject
        {
            ["tcp"] = new JsonObject { ["scheme"] = "tcp", ["protocol"] = "tcp", ["transport"] = "tcp", ["targetPort"] = targetPort },
        },
    };

    private static JsonObject Project(ProjectResource project, string manifestDirectory)
    {
        var env = new JsonObject
        {
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["HTTP_PORTS"] = $"{{{project.Name}.bindings.http.targetPort}}",
        };
        foreach (var reference in project.References)
        {
            if (reference is IResourceWithConnectionString withConnectionString)
            {
                env[$"ConnectionStrings__{withConnectionString.ConnectionStringName}"] = $"{{{reference.Name}.connectionString}}";
            }

            if (reference is IResourceWithServiceDiscovery withEndpoints)
            {
                foreach (var group in withEndpoints.Endpoints.GroupBy(e => e.Scheme, StringComparer.Ordinal))
                {
                    var index = 0;
                    foreach (var endpoint in group)
                    {
                        env[string.Create(CultureInfo.InvariantCulture, $"services__{reference.Name}__{group.Key}__{index++}")] =
                            $"{{{reference.Name}.bindings.{endpoint.Name}.url}}";
                    }
                }
            }
        }

        foreach (var (name, value) in project.ManifestEnvironment)
        {
            env[name] = value;
        }

        var bindings = new JsonObject();
        foreach (var endpoint in project.Endpoints)
        {
            var binding = new JsonObject { ["scheme"] = endpoint.Scheme, ["protocol"] = "tcp", ["transport"] = "http" };
            if (endpoint.IsExternal)
            {
                binding["external"] = true;
            }

            bindings[endpoint.Name] = binding;
        }

        return new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = Path.GetRelativePath(manifestDirectory, project.ProjectPath).Replace('\\', '/'),
            ["env"] = env,
            ["bindings"] = bindings,
        };
    }
}
