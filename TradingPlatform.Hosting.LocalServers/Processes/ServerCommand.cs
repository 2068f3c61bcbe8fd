namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>
/// How a server is launched: directly, or, when the AppHost runs as root, under its own system user through
/// <c>setpriv</c>. PostgreSQL refuses to run as root and RabbitMQ should not; setpriv execs the server in place
/// (unlike runuser or su, which stay as a parent), so the signal DCP sends to stop it reaches the server itself.
/// </summary>
internal sealed record ServerCommand(string Command, IReadOnlyList<string> PrefixArguments)
{
    public const string SetPriv = "/usr/bin/setpriv";

    public static ServerCommand For(string executable, string systemUser) =>
        ProcessUser.IsRoot
            ? new ServerCommand(SetPriv, [$"--reuid={systemUser}", $"--regid={systemUser}", "--init-groups", "--", executable])
            : new ServerCommand(executable, []);

    /// <summary>
    /// Runs <paramref name="executable"/> through a shell that turns DCP's SIGTERM into <paramref name="stopSignal"/>
    /// for servers whose SIGTERM means something slower (PostgreSQL's "smart" shutdown waits for every client to
    /// disconnect; SIGINT is its "fast" shutdown, which ends sessions and checkpoints cleanly).
    /// </summary>
    public static ServerCommand WithStopSignal(string executable, string systemUser, string stopSignal)
    {
        var script = $"trap 'kill -{stopSignal} $pid' TERM INT; \"$@\" & pid=$!; wait $pid; status=$?; " +
                     "if [ $status -gt 128 ] && kill -0 $pid 2>/dev/null; then wait $pid; status=$?; fi; exit $status";
        var shell = For("/bin/sh", systemUser);
        return shell with { PrefixArguments = [.. shell.PrefixArguments, "-c", script, Path.GetFileName(executable), executable] };
    }
}
