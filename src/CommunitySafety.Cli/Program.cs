using CommunitySafety.Cli;

return await CliApp.RunAsync(args, CliContext.ForConsole()).ConfigureAwait(false);
