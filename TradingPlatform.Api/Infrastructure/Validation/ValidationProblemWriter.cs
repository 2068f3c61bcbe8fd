using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.Validation;

/// <summary>
/// The framework's validation (<c>AddValidation</c>) answers a broken rule with a 400 and
/// <see cref="HttpValidationProblemDetails"/>; clients know a 422 in the error envelope whose <c>details</c> map camelCase
/// field paths to messages, so this writer, asked before the default one, writes exactly what
/// <see cref="ApiErrors.Validation(string, IDictionary{string, string[]})"/> does. Nothing else in the Api produces
/// <see cref="HttpValidationProblemDetails"/>.
/// </summary>
internal sealed class ValidationProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        context?.ProblemDetails is HttpValidationProblemDetails;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = ((HttpValidationProblemDetails)context.ProblemDetails).Errors;
        context.HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        // A plain ProblemDetails this time, so the service hands it to the default writer (and ProblemEnvelope).
        await ApiErrors.Validation(FieldErrors.Message, FieldErrors.FromValidation(errors)).ExecuteAsync(context.HttpContext);
    }
}
