using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProfileHub.Storage.Providers;

/// <summary>Stores a DateTimeOffset as its UTC ticks; values always come back in UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
