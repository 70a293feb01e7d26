using System.CommandLine;
using Integritas.Cli.Output;
using Integritas.Web.Accounts;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>zi users add|list|remove|passwd</c>: the web app's local accounts, kept in a JSON file beside the database
/// (<c>zi.duckdb</c> → <c>zi.users.json</c>, readable by its owner only) with salted PBKDF2 password hashes.
/// Passwords come from standard input (--password-stdin), never from the command line.
/// </summary>
public static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("users", "Manage the web app's accounts (roles admin, analyst, viewer; a viewer may be limited to an instansi or a unit).");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(Passwd(context));
        return command;
    }

    private static Argument<string> Name() => new("name") { Description = "The user name (as typed at /login).", HelpName = "NAME" };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from standard input (first line)." };

    private static Command Add(CliContext context)
    {
        var (name, db, stdin) = (Name(), CommonOptions.Database(), PasswordStdin());
        var role = new Option<string>("--role") { Description = "admin (manages users), analyst (uploads, renders reports) or viewer (reads).", Required = true, HelpName = "ROLE" }
            .AcceptOnlyFromAmong([.. Roles.All]);
        var instansi = new Option<string?>("--instansi") { Description = "Limit a viewer to the units of this instansi.", HelpName = "NAMA" };
        var unit = new Option<string?>("--unit") { Description = "Limit a viewer to this unit (kode_unit).", HelpName = "KODE" };
        var command = new Command("add", "Add an account; without --password-stdin a random password is made and printed once.") { name, db, role, instansi, unit, stdin };
        command.SetAction(parse => Guarded(context, () =>
        {
            var (password, generated) = Password(context, parse.GetValue(stdin));
            var store = Store(context, parse.GetValue(db)!);
            var user = store.Add(parse.GetValue(name)!, parse.GetValue(role)!, password, parse.GetValue(instansi), parse.GetValue(unit));
            context.Out.WriteLine($"added {user.Name} ({user.Role}, {user.Scope.Describe()}) to {store.Path}");
            if (generated)
            {
                context.Out.WriteLine($"password (shown once): {password}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = CommonOptions.Database();
        var command = new Command("list", "List the accounts: name, role, scope, created.") { db };
        command.SetAction(parse => Guarded(context, () =>
        {
            var store = Store(context, parse.GetValue(db)!);
            var table = new TextTable([new("Nama", 16), new("Peran", 8), new("Cakupan", 28), new("Dibuat", 20)]);
            foreach (var u in store.List())
            {
                table.Add(u.Name, u.Role, u.Scope.Describe(), u.Created.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
            }
            table.Write(context.Out);
            context.Out.WriteLine($"{store.List().Count} akun di {store.Path}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var (name, db) = (Name(), CommonOptions.Database());
        var command = new Command("remove", "Remove an account; its sessions end at their next request.") { name, db };
        command.SetAction(parse => Guarded(context, () =>
        {
            var store = Store(context, parse.GetValue(db)!);
            store.Remove(parse.GetValue(name)!);
            context.Out.WriteLine($"removed {parse.GetValue(name)} from {store.Path}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Passwd(CliContext context)
    {
        var (name, db, stdin) = (Name(), CommonOptions.Database(), PasswordStdin());
        var command = new Command("passwd", "Set an account's password (ends its sessions); without --password-stdin a random one is made and printed once.") { name, db, stdin };
        command.SetAction(parse => Guarded(context, () =>
        {
            var (password, generated) = Password(context, parse.GetValue(stdin));
            var store = Store(context, parse.GetValue(db)!);
            store.SetPassword(parse.GetValue(name)!, password);
            context.Out.WriteLine($"password of {parse.GetValue(name)} changed in {store.Path}");
            if (generated)
            {
                context.Out.WriteLine($"password (shown once): {password}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static UserStore Store(CliContext context, string database) => new(UserStore.BesideDatabase(database), context.Clock);

    private static (string Password, bool Generated) Password(CliContext context, bool fromStdin)
    {
        if (!fromStdin)
        {
            return (UserStore.NewPassword(), true);
        }
        var line = context.In.ReadLine();
        return string.IsNullOrEmpty(line) ? throw new CommandException("--password-stdin: standard input gave no password.") : (line.TrimEnd('\r'), false);
    }

    private static int Guarded(CliContext context, Func<int> body) => ScoresCommand.Guarded(context, () =>
    {
        try
        {
            return body();
        }
        catch (UserStoreException ex)
        {
            throw new CommandException(ex.Message);
        }
    });
}
