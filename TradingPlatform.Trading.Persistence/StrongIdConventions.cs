using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Persistence;

/// <summary>Every <see cref="IStrongId{TSelf}"/> of the domain assembly is stored as its Guid (uuid), every public enum by name.</summary>
internal static class StrongIdConventions
{
    private static readonly System.Reflection.Assembly Domain = typeof(IStrongId<>).Assembly;

    public static void Apply(ModelConfigurationBuilder builder)
    {
        var ids = Domain.GetTypes()
            .Where(type => type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStrongId<>)));
        foreach (var id in ids)
        {
            var converter = typeof(StrongIdConverter<>).MakeGenericType(id);
            builder.Properties(id).HaveConversion(converter);
            builder.Properties(typeof(Nullable<>).MakeGenericType(id)).HaveConversion(converter);
        }

        // Enums are stored by name: readable in the database explorer and safe against reordering.
        foreach (var type in Domain.GetTypes().Where(type => type.IsEnum && type.IsPublic))
        {
            builder.Properties(type).HaveConversion<string>().HaveMaxLength(32);
            builder.Properties(typeof(Nullable<>).MakeGenericType(type)).HaveConversion<string>().HaveMaxLength(32);
        }
    }

    private sealed class StrongIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Create(value))
        where TId : struct, IStrongId<TId>
    {
        // Expression trees cannot call a static abstract member directly; a plain static method can.
        private static TId Create(Guid value) => TId.From(value);
    }
}
