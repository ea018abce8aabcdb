namespace Neaspec.Survey.Sharing.Tests.TestUtilities;

/// <summary>A clock that always says the same instant, so the EML's dates are known to the test.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime Default { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
