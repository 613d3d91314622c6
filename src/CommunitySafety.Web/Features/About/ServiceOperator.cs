namespace CommunitySafety.Web.Features.About;

/// <summary>
/// Who runs this installation, for the accessibility statement, privacy notice and cookies page: configuration
/// <c>Service:Operator</c> (e.g. "Luton Community Safety Partnership"), <c>Service:ContactEmail</c> and
/// <c>Service:RetentionYears</c> (how long audit entries are kept).
/// </summary>
/// <param name="Name">The organisation that runs the service.</param>
/// <param name="ContactEmail">Where to write about accessibility and personal data, or null when not configured.</param>
/// <param name="RetentionYears">How long sign-in and change records are kept.</param>
public sealed record ServiceOperator(string Name, string? ContactEmail, int RetentionYears)
{
    /// <summary>Reads the operator from configuration, with plain defaults.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The operator.</returns>
    public static ServiceOperator From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ServiceOperator(
            configuration["Service:Operator"] is { Length: > 0 } name ? name : "the Community Safety Partnership that runs this service",
            configuration["Service:ContactEmail"] is { Length: > 0 } email ? email : null,
            configuration.GetValue("Service:RetentionYears", 6));
    }
}
