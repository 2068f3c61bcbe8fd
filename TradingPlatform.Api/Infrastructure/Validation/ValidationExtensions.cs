namespace TradingPlatform.Api.Infrastructure.Validation;

public static class ValidationExtensions
{
    /// <summary>
    /// Documents the 422 the endpoint answers when its body breaks its rules. The checking itself is the framework's
    /// (<c>AddValidation</c>, on every endpoint whose parameters carry rules); <see cref="ValidationProblemWriter"/>
    /// turns its answer into the error envelope.
    /// </summary>
    public static RouteHandlerBuilder ProducesValidationError(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
