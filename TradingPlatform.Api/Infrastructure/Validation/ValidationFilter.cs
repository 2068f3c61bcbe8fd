using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.Validation;

/// <summary>
/// Validates a request body's data annotations (and <see cref="IValidatableObject"/>) before the handler runs; a
/// failure is a 422 whose <c>details</c> maps each camelCase field to its messages.
/// </summary>
public sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return ApiErrors.Validation("body", "A JSON request body is required.");
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(argument, new ValidationContext(argument, context.HttpContext.RequestServices, null), results, validateAllProperties: true))
        {
            var errors = results
                .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Field: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "is invalid").ToArray(), StringComparer.Ordinal);
            return ApiErrors.Validation("One or more fields are invalid.", errors);
        }

        return await next(context);
    }
}
