using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Report;

/// <summary><c>csp report progress|assessment</c>: the board progress report and the strategic assessment as HTML, Word or PDF.</summary>
public sealed class ReportCommand : Command
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The CLI context.</param>
    public ReportCommand(CliContext context)
        : base("report", "Write the board progress report or the strategic assessment as HTML, Word (.docx) or PDF (by the --out extension).")
    {
        Subcommands.Add(new ReportProgressCommand(context));
        Subcommands.Add(new ReportAssessmentCommand(context));
    }
}
