using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Common;

namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>
/// Turns every exception into the error envelope: a caller's mistake is a 4xx with a useful message, a dependency
/// outage a 503 with Retry-After, anything else a 500 that shows no stack trace outside Development.
/// </summary>
internal sealed class ApiExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = ClientClosedRequest;
            return true;
        }

        // The trading domain and its store refuse with their own exception; the envelope is the Api's.
        if (exception is TradingException trading)
        {
            exception = TradingErrors.ToApi(trading);
        }

        var (status, code, message, details) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "A dependency is unavailable: {Message}", exception.Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        if (exception is ApiException { RetryAfterSeconds: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ProblemEnvelope.TitleFor(status),
            Detail = message,
            Type = ProblemEnvelope.TypeFor(code),
        };
        problem.Extensions[ProblemEnvelope.ErrorKey] = new ErrorBody(code, message, details);
        if (status >= 500 && environment.IsDevelopment())
        {
            problem.Extensions["developerDetail"] = exception.ToString();
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (int Status, string Code, string Message, object? Details) Classify(Exception exception) => exception switch
    {
        ApiException api => (api.StatusCode, api.Code, api.Message, api.Details),
        BadHttpRequestException { InnerException: JsonException json } => (400, ErrorCodes.Validation,
            "The request body is not valid JSON" + (json.Path is { Length: > 0 } path ? $" (at {path})." : "."), json.Message),
        BadHttpRequestException bad => (bad.StatusCode, ErrorCodes.ForStatus(bad.StatusCode), bad.Message, null),
        JsonException json => (400, ErrorCodes.Validation, "The request body is not valid JSON.", json.Message),
        _ when IsDependencyOutage(exception) => (503, ErrorCodes.ServiceUnavailable,
            "A service this request needs is unavailable; retry later.", null),
        _ => (500, ErrorCodes.Internal, "An unexpected error occurred.", null),
    };

    private static bool IsDependencyOutage(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: SocketException or TimeoutException } => true,
        RedisConnectionException or RedisTimeoutException => true,
        BrokerUnreachableException or AlreadyClosedException => true,
        SocketException or TimeoutException => true,
        DbUpdateException { InnerException: { } inner } => IsDependencyOutage(inner),
        Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException => true, // EF gave up retrying a transient failure
        InvalidOperationException { InnerException: { } inner } => IsDependencyOutage(inner), // EF's retry strategy wraps the last failure
        _ => false,
    };
}
