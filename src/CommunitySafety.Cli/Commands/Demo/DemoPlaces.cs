using System.Globalization;
using CommunitySafety.Assessment.Deprivation;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Cli.Commands.Deprivation;
using CommunitySafety.Cli.Commands.Places;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Demo;

/// <summary>The demo's look at the place analyses for its area: deprivation, repeat places, anti-social behaviour and a ward profile.</summary>
internal static class DemoPlaces
{
    /// <summary>Prints each analysis for <paramref name="area"/>: deprivation for <paramref name="period"/>, the others for the latest 12 months.</summary>
    public static void Show(CliContext context, AnalyticalStore store, ResolvedArea area, ReportingPeriod period)
    {
        if (new DeprivationAnalysis(store).For(new DeprivationRequest(area, period.FirstMonth, period.LastMonth), out var reason) is { } deprivation)
        {
            var table = DeprivationCommand.Deciles(deprivation);
            table.Title = $"{area.Name} by deprivation decile of the LSOA, {period} (1 = most deprived 10% of LSOAs in England)";
            table.Notes.AddRange(DeprivationCommand.Summary(deprivation));
            table.Write(context, OutputFormat.Table);
        }
        else
        {
            context.Say($"No deprivation analysis for {area.Name}: {reason}.");
        }

        var last = new CrimeCounts(store).Count(new CountQuery(area)).LastMonth;
        var first = ReportingPeriod.Rolling12MonthsTo(last).FirstMonth;
        var places = new RepeatPlacesAnalysis(store).For(new RepeatPlacesRequest(area, first, last, Top: 5));
        PlacesCommand.Build(places).Write(context, OutputFormat.Table);

        var asb = new AsbAnalysis(store).For(new AsbRequest(area, first, last));
        var summary = AsbCommand.Summary(asb);
        summary.Title = $"{area.Name}: anti-social behaviour (its own strand, not crime), {asb.PeriodText}";
        summary.Write(context, OutputFormat.Table);

        var wards = new NeighbourhoodQuery(store);
        try
        {
            var ward = wards.Ward($"South, {area.Name}");
            var profile = new NeighbourhoodProfile(store).For(ward, first, last);
            context.Say(string.Create(CultureInfo.GetCultureInfo("en-GB"),
                $"Ward profile, {profile.Neighbourhood.Name}: {profile.Crime.Count:N0} crimes and {profile.AntiSocialBehaviour.Count:N0} anti-social behaviour incidents in {profile.PeriodText}; {profile.Population:N0} residents ({profile.PopulationSource}). `csp profile --ward \"South, {area.Name}\"` shows it in full."));
        }
        catch (AreaNotFoundException)
        {
            context.Say($"No ward 'South' in {area.Name} in the ward lookup: no ward profile shown.");
        }
    }
}
