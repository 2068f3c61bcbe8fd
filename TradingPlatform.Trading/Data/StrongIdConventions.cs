using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Data;

/// <summary>Every <see cref="IStrongId{TSelf}"/> in this assembly is stored as its Guid (uuid).</summary>
internal static class StrongIdConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        var ids = typeof(StrongIdConventions).Assembly.GetTypes()
            .Where(type => type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStrongId<>)));
        foreach (var id in ids)
        {
            builder.Properties(id).HaveConversion(typeof(StrongIdConverter<>).MakeGenericType(id));
        }
    }

    private sealed class StrongIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Create(value))
        where TId : struct, IStrongId<TId>
    {
        // Expression trees cannot call a static abstract member directly; a plain static method can.
        private static TId Create(Guid value) => TId.From(value);
    }
}
