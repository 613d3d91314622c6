using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommunitySafety.Web.Infrastructure;

/// <summary>
/// Tells a database that is away (PostgreSQL stopped, restarting, refusing connections, out of connections; SQLite
/// busy) from a fault in the app, so the person gets "service unavailable" (HTTP 503, try again later) rather than a
/// 500; and the app, which keeps no connection of its own, serves again as soon as the database is back.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>How long a client is asked to wait before trying again (the <c>Retry-After</c> header), in seconds.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the database cannot be reached just now.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether it does.</returns>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }

            if (e switch
            {
                // SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (shut down, starting up).
                PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.IsTransient,
                NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException or EndOfStreamException,
                SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
                SocketException or TimeoutException => true,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The GOV.UK error page (<c>/error</c>) for unhandled exceptions: 503 with <c>Retry-After</c> when the database is
    /// away, 500 otherwise; never the exception's details.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseErrorPage(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error",
        StatusCodeSelector = e => Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
    });
}
