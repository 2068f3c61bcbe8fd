namespace TradingPlatform.Api.Infrastructure.Validation;

public static class ValidationExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="T"/> body and documents the 422 it may answer.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
