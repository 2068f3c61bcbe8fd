using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares the route's parameters that the handler does not bind itself. The AI endpoints forward the request as it
/// came (<c>AiForwardedResults.ForwardAsync</c>), so <c>/api/news/{id}</c> has an <c>id</c> in its route and none in its
/// handler, and the generator, which reads the handler, would leave the path parameter undeclared.
/// </summary>
internal sealed class RouteParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var template = context.Description.ActionDescriptor.AttributeRouteInfo?.Template ?? context.Description.RelativePath;
        if (string.IsNullOrEmpty(template))
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in RoutePatternFactory.Parse(template).Parameters)
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Path && string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = SchemaFor(parameter),
            });
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema SchemaFor(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (constraints.Contains("guid"))
        {
            return new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        }

        if (constraints.Contains("long") || constraints.Contains("int"))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Integer, Format = constraints.Contains("long") ? "int64" : "int32" };
        }

        return new OpenApiSchema { Type = JsonSchemaType.String };
    }
}
