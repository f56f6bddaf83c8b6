using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProfileHub.Server.Storage;

/// <summary>
/// Counts the SQL commands one HTTP request sends and reports them in a standard <c>Server-Timing</c> response
/// header (<c>db;desc="4 commands";dur=12.3</c>), visible in browser dev tools. The API's promise that a
/// page costs a fixed number of round trips whatever its size (DataLoader batching) is checked against it.
/// </summary>
internal sealed class SqlCommandCount : DbCommandInterceptor
{
    private static readonly AsyncLocal<Counter?> Current = new();

    public static readonly SqlCommandCount Interceptor = new();

    /// <summary>Counts the commands of the rest of this request and writes the header when the response starts.</summary>
    public static void Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var counter = new Counter();
        Current.Value = counter;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append(
                "Server-Timing",
                string.Create(CultureInfo.InvariantCulture, $"db;desc=\"{counter.Commands} commands\";dur={counter.Elapsed.TotalMilliseconds:0.0}"));
            return Task.CompletedTask;
        });
        await next(context);
    });

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(eventData);
        return base.ReaderExecuted(command, eventData, result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    private static void Record(CommandExecutedEventData eventData) => Current.Value?.Add(eventData.Duration);

    private sealed class Counter
    {
        private int _commands;
        private long _ticks;

        public int Commands => Volatile.Read(ref _commands);

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Add(TimeSpan duration)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _ticks, duration.Ticks);
        }
    }
}
