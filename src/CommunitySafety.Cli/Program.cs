using CommunitySafety.Cli;
using CommunitySafety.Cli.Infrastructure;

return await CliApp.RunAsync(args, CliContext.ForConsole()).ConfigureAwait(false);
