using System.Diagnostics.CodeAnalysis;

namespace CommunitySafety.Statistics.Internals;

/// <summary>Throwing kept out of the hot loops so that they stay small.</summary>
internal static class StatisticsThrow
{
    [DoesNotReturn]
    public static void NegativeCount(string paramName, double count) =>
        throw new ArgumentOutOfRangeException(paramName, count, "A count cannot be negative.");

    [DoesNotReturn]
    public static void NegativeDenominator(string paramName, double denominator) =>
        throw new ArgumentOutOfRangeException(paramName, denominator, "A denominator cannot be negative.");

    [DoesNotReturn]
    public static void CountAboveDenominator(string paramName, double count, double denominator) =>
        throw new ArgumentOutOfRangeException(paramName, count, $"The count ({count}) cannot exceed the denominator ({denominator}) of a proportion.");

    [DoesNotReturn]
    public static void LengthMismatch(string paramName) =>
        throw new ArgumentException("The spans must have the same length.", paramName);
}
