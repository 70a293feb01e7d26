using Integritas.Cli;
using Integritas.Cli.Commands;

return await ZiApp.RunAsync(args, CliContext.Console(TimeProvider.System));
