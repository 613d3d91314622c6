using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Tests.Support;

/// <summary>The counts that tell one state of a store from another: records, monthly totals, files, months, allocation.</summary>
public sealed record Fingerprint(long Crimes, long MonthlySum, long MonthlyRows, long Outcomes, long Searches, long Files, long LoadedMonths, long Lsoas, long AllocatedLsoas, long Forces)
{
    public override string ToString() =>
        $"crime {Crimes}, crime_monthly sum {MonthlySum} in {MonthlyRows} rows, outcome {Outcomes}, stop_search {Searches}, " +
        $"source_file {Files}, loaded_month {LoadedMonths}, lsoa {Lsoas} ({AllocatedLsoas} allocated), force {Forces}";
}

/// <summary>Reads a <see cref="Fingerprint"/>.</summary>
public static class StoreFingerprint
{
    /// <summary>The fingerprint of the store at <paramref name="path"/> (its published snapshot, if any), opened read-only.</summary>
    public static Fingerprint Of(string path)
    {
        using var store = AnalyticalStore.OpenReadOnly(path);
        return Of(store);
    }

    /// <summary>The fingerprint of an open store.</summary>
    public static Fingerprint Of(AnalyticalStore store) => new(
        store.Scalar<long>("SELECT count(*) FROM crime"),
        store.Scalar<long>("SELECT coalesce(sum(n), 0) FROM crime_monthly"),
        store.Scalar<long>("SELECT count(*) FROM crime_monthly"),
        store.Scalar<long>("SELECT count(*) FROM outcome"),
        store.Scalar<long>("SELECT count(*) FROM stop_search"),
        store.Scalar<long>("SELECT count(*) FROM source_file"),
        store.Scalar<long>("SELECT count(*) FROM loaded_month"),
        store.Scalar<long>("SELECT count(*) FROM lsoa"),
        store.Scalar<long>("SELECT count(*) FROM lsoa WHERE lad_code IS NOT NULL"),
        store.Scalar<long>("SELECT count(*) FROM force"));
}
