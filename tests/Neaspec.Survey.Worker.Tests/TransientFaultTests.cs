using Npgsql;
using Polly.CircuitBreaker;

namespace Neaspec.Survey.Worker.Tests;

/// <summary>Which faults the worker retries: Npgsql's verdict, looked for through wrappers.</summary>
public sealed class TransientFaultTests
{
    [Theory]
    [InlineData("53300", true)] // too many connections
    [InlineData("57P03", true)] // the database system is starting up
    [InlineData("57P01", true)] // terminating connection due to administrator command
    [InlineData("08006", true)] // connection failure
    [InlineData("23505", false)] // unique violation: a bug or bad data, not a fault to wait out
    [InlineData("42P01", false)] // undefined table: a missing migration
    public void Server_errors_are_transient_by_their_state(string sqlState, bool transient)
    {
        var ex = new PostgresException("message", "FATAL", "FATAL", sqlState);

        Assert.Equal(transient, DatabaseResilience.IsTransient(ex));
        Assert.Equal(transient, DatabaseResilience.IsTransient(new InvalidOperationException("wrapped", ex)));
    }

    [Fact]
    public void A_lost_connection_is_transient()
    {
        Assert.True(DatabaseResilience.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.False(DatabaseResilience.IsTransient(new IOException("disk full in the inbox")));
    }

    [Fact]
    public void An_open_breaker_means_the_database_is_down()
    {
        Assert.True(DatabaseResilience.IsDatabaseDown(new BrokenCircuitException()));
    }
}
