using System.Globalization;

namespace LogPipeline.LoadHarness;

/// <summary>
/// CPU and resident memory per resource from <c>/proc</c>: each resource's process (the pid Aspire reports) with its
/// child processes, this process (the AppHost with the embedded Kafka broker, and the harness's own clients) and the
/// rest of this process's descendants together with DCP (which detaches, and is found by <c>--monitor PID</c>, the
/// AppHost it watches: this process). Only this run's processes count, whatever else the machine runs.
/// </summary>
public sealed class ProcessSampler
{
    public const string Host = "apphost+kafka+harness";
    public const string Orchestration = "dcp";

    // USER_HZ: the unit of /proc's CPU times, 100 on every Linux architecture .NET runs on.
    const double TicksPerSecond = 100;
    const int TreeRefreshSamples = 10;

    static readonly long PageSize = Environment.SystemPageSize;

    readonly IReadOnlyDictionary<string, int> _resources;
    readonly int _self = Environment.ProcessId;
    readonly Dictionary<string, long> _previousTicks = new(StringComparer.Ordinal);
    Dictionary<string, List<int>> _groups = [];
    long _previousAtMs;
    int _samples;

    readonly IReadOnlyDictionary<string, string> _projectDirectories;

    /// <param name="resourcePids">Each resource's process, as Aspire reports it.</param>
    /// <param name="projectDirectories">Each project resource's folder: any other process started from its <c>bin</c> (a replica) counts with it.</param>
    public ProcessSampler(IReadOnlyDictionary<string, int> resourcePids, IReadOnlyDictionary<string, string> projectDirectories)
    {
        _resources = resourcePids;
        _projectDirectories = projectDirectories;
    }

    public static bool Supported => OperatingSystem.IsLinux() && Directory.Exists("/proc");

    /// <summary>CPU % since the previous sample (100 % = one core) and RSS now, per process group; empty on the first call.</summary>
    public IReadOnlyList<ProcessSample> Sample(long atMs, RunPhase phase)
    {
        if (!Supported)
        {
            return [];
        }

        if (_samples++ % TreeRefreshSamples == 0)
        {
            _groups = Groups(ReadTable());
        }

        var elapsedSeconds = (atMs - _previousAtMs) / 1000.0;
        var samples = new List<ProcessSample>(_groups.Count);
        foreach (var (name, pids) in _groups)
        {
            long ticks = 0, rss = 0;
            foreach (var pid in pids)
            {
                if (ReadStat(pid) is { } stat)
                {
                    ticks += stat.Ticks;
                    rss += stat.RssPages * PageSize;
                }
            }

            if (_previousTicks.TryGetValue(name, out var previous) && elapsedSeconds > 0)
            {
                samples.Add(new ProcessSample(atMs, phase, name, Math.Max(0, ticks - previous) / TicksPerSecond / elapsedSeconds * 100, rss));
            }

            _previousTicks[name] = ticks;
        }

        _previousAtMs = atMs;
        return samples;
    }

    Dictionary<string, List<int>> Groups(Dictionary<int, ProcStat> table)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (pid, stat) in table)
        {
            if (!children.TryGetValue(stat.ParentPid, out var list))
            {
                children[stat.ParentPid] = list = [];
            }

            list.Add(pid);
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var claimed = new HashSet<int> { _self };
        var wrappers = new List<int>();
        foreach (var (name, pid) in _resources)
        {
            // A project runs as `dotnet run` (the pid Aspire reports) with the service as its child: the wrapper only
            // waits, and counts with DCP, so a service's figures are its own.
            if (IsDotnetRun(pid) && children.ContainsKey(pid))
            {
                wrappers.Add(pid);
                claimed.Add(pid);
            }

            groups[name] = [.. Subtree(pid, children).Where(claimed.Add)];
        }

        groups[Host] = [_self];
        var orchestrated = Subtree(_self, children).Concat(DcpProcesses(table.Keys).SelectMany(pid => Subtree(pid, children))).ToList();
        foreach (var pid in orchestrated.Where(pid => !claimed.Contains(pid)))
        {
            var program = CommandLine(pid).Split('\0')[0];
            foreach (var (name, directory) in _projectDirectories)
            {
                if (program.StartsWith(Path.Combine(directory, "bin") + "/", StringComparison.Ordinal) && claimed.Add(pid))
                {
                    (groups.TryGetValue(name, out var list) ? list : groups[name] = []).Add(pid);
                }
            }
        }

        groups[Orchestration] = [.. wrappers.Concat(orchestrated.Where(claimed.Add))];
        return groups;
    }

    IEnumerable<int> DcpProcesses(IEnumerable<int> pids)
    {
        var monitor = $"--monitor\0{_self}\0";
        return pids.Where(pid => CommandLine(pid).Contains(monitor, StringComparison.Ordinal));
    }

    static bool IsDotnetRun(int pid)
    {
        var commandLine = CommandLine(pid);
        return commandLine.StartsWith("dotnet\0run\0", StringComparison.Ordinal) || commandLine.Contains("/dotnet\0run\0", StringComparison.Ordinal);
    }

    /// <summary>The process's arguments, NUL-separated as the kernel keeps them; empty when it is gone.</summary>
    static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    static IEnumerable<int> Subtree(int root, Dictionary<int, List<int>> children)
    {
        var stack = new Stack<int>([root]);
        while (stack.TryPop(out var pid))
        {
            yield return pid;
            if (children.TryGetValue(pid, out var list))
            {
                foreach (var child in list)
                {
                    stack.Push(child);
                }
            }
        }
    }

    static Dictionary<int, ProcStat> ReadTable()
    {
        var table = new Dictionary<int, ProcStat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadStat(pid) is { } stat)
            {
                table[pid] = stat;
            }
        }

        return table;
    }

    /// <summary>Fields of <c>/proc/PID/stat</c> after the command name (which may hold spaces and parentheses): ppid, utime + stime, rss.</summary>
    static ProcStat? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, rss 24.
        return fields.Length > 21
            ? new ProcStat(
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                long.Parse(fields[21], CultureInfo.InvariantCulture))
            : null;
    }
}
