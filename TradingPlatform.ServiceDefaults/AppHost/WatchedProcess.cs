using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace TradingPlatform.ServiceDefaults.AppHost;

/// <summary>
/// A process identified by its id and its start time, so that a recycled process id is not mistaken for the
/// process we were told to watch.
/// </summary>
internal sealed class WatchedProcess
{
    private readonly string _startTime;

    private WatchedProcess(int processId, string startTime)
    {
        ProcessId = processId;
        _startTime = startTime;
    }

    public int ProcessId { get; }

    /// <summary>The running process with this id, or null when there is none.</summary>
    public static WatchedProcess? Find(int processId) =>
        ReadStartTime(processId) is { } startTime ? new WatchedProcess(processId, startTime) : null;

    /// <summary>True while the same process still runs.</summary>
    public bool IsRunning() => ReadStartTime(ProcessId) == _startTime;

    private static string? ReadStartTime(int processId) =>
        OperatingSystem.IsLinux() ? ReadStartTimeFromProc(processId) : ReadStartTimeFromProcessApi(processId);

    /// <summary>
    /// Reads <c>/proc/&lt;pid&gt;/stat</c>. Unlike <see cref="Process.HasExited"/> for a process that is not our
    /// child, it sees a killed AppHost whose parent has not reaped it yet (a zombie) as gone.
    /// </summary>
    private static string? ReadStartTimeFromProc(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid … starttime …": comm may hold spaces and parentheses, so count fields after the
        // last ')'. There, field 0 is the state (field 3 of proc(5)) and field 19 the start time (field 22).
        var closingParenthesis = stat.LastIndexOf(')');
        if (closingParenthesis < 0 || closingParenthesis + 2 >= stat.Length)
        {
            return null;
        }

        var fields = stat[(closingParenthesis + 2)..].Split(' ');
        if (fields.Length < 20 || fields[0] is "Z" or "X" or "x")
        {
            return null;
        }

        return fields[19];
    }

    private static string? ReadStartTimeFromProcessApi(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return null;
        }
    }
}
