namespace CommunitySafety.Assessment.Matrix;

/// <summary>
/// Adds the evidence the store gives beyond the assessment's financial years to each crime type's
/// <see cref="CrimeTypeEvidence"/>: the rolling 12-month periods of the trend and the deprivation groups of the
/// disproportionate impact criterion, or why each is missing.
/// </summary>
public static class MatrixEvidence
{
    /// <summary>The evidence with <see cref="CrimeTypeEvidence.Rolling"/> and <see cref="CrimeTypeEvidence.Deprivation"/> filled from <paramref name="data"/>.</summary>
    public static CrimeTypeEvidence[] Add(AssessmentData data, IReadOnlyList<CrimeTypeEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(evidence);
        string? rollingNote = data.RollingNote ?? "the rolling 12-month periods were not loaded";
        var rolling = data.Rolling;
        if (rolling is not null)
        {
            if (!rolling.Earlier.IsComplete || !rolling.Later.IsComplete)
            {
                rollingNote = $"{rolling.Earlier.Label} or {rolling.Later.Label} is not complete";
                rolling = null;
            }
            else if (rolling.Earlier.Population is not > 0 || rolling.Later.Population is not > 0)
            {
                rollingNote = $"no population for a rate in {rolling.Earlier.Label} or {rolling.Later.Label}";
                rolling = null;
            }
            else
            {
                rollingNote = null;
            }
        }

        string? deprivationNote = data.DeprivationNote ?? "no deprivation evidence was loaded";
        (IReadOnlyDictionary<Crime.CrimeType, RateContrast> Contrasts, string Source)? deprivation = null;
        if (data.Deprivation is { } d)
        {
            deprivation = DeprivationGroups.Contrasts(d, out var reason);
            deprivationNote = deprivation is null ? reason : null;
        }

        return [.. evidence.Select(e => e with
        {
            Rolling = rolling is null ? null : new RateContrast(
                rolling.Earlier.Label, rolling.Earlier.Counts.GetValueOrDefault(e.CrimeType), rolling.Earlier.Population!.Value,
                rolling.Later.Label, rolling.Later.Counts.GetValueOrDefault(e.CrimeType), rolling.Later.Population!.Value),
            RollingNote = rollingNote,
            RollingSource = rolling is null ? null
                : rolling.Earlier.PopulationSource == rolling.Later.PopulationSource ? $"rates on {rolling.Later.PopulationSource} for both periods"
                : $"rates on {rolling.Earlier.PopulationSource} for {rolling.Earlier.Label} and {rolling.Later.PopulationSource} for {rolling.Later.Label}",
            Deprivation = deprivation?.Contrasts.GetValueOrDefault(e.CrimeType),
            DeprivationSource = deprivation?.Source,
            DeprivationNote = deprivation is not null && !deprivation.Value.Contrasts.ContainsKey(e.CrimeType) ? "no deprivation evidence for this crime type" : deprivationNote,
        })];
    }
}
