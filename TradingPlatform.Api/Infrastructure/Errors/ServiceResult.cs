using System.Diagnostics.CodeAnalysis;

namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>What a service answers: the value, or the <see cref="ServiceError"/> the caller should see.</summary>
public readonly struct ServiceResult<T>
{
    private ServiceResult(T? value, ServiceError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ServiceError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Error is null;

#pragma warning disable CA2225 // the conversions are the point: `return user;` and `return ServiceError.NotFound(...)`
    public static implicit operator ServiceResult<T>(T value) => new(value, null);

    public static implicit operator ServiceResult<T>(ServiceError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
#pragma warning restore CA2225
}
