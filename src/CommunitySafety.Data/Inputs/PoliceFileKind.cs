namespace CommunitySafety.Data.Inputs;

/// <summary>The kinds of monthly file police.uk publishes.</summary>
public enum PoliceFileKind : byte
{
    /// <summary>Street-level crime and anti-social behaviour: <c>YYYY-MM-&lt;force&gt;-street.csv</c>.</summary>
    Street = 0,

    /// <summary>Outcomes: <c>YYYY-MM-&lt;force&gt;-outcomes.csv</c>.</summary>
    Outcomes = 1,

    /// <summary>Stop and search: <c>YYYY-MM-&lt;force&gt;-stop-and-search.csv</c>.</summary>
    StopAndSearch = 2,
}
