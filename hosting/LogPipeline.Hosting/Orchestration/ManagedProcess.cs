using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LogPipeline.Hosting.Orchestration;

/// <summary>
/// A child process whose output goes to the log store, stopped gracefully (SIGTERM, then a kill of the whole
/// process tree after a grace period) so that services flush and commit before they exit.
/// </summary>
sealed partial class ManagedProcess : IAsyncDisposable
{
    const int SigTerm = 15;
    const int SigCont = 18;
    const int SigStop = 19;

    readonly Process _process;

    ManagedProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Task<int> Exited { get; private set; } = Task.FromResult(0);

    /// <summary>Whether the process is stopped by <see cref="Pause"/> (SIGSTOP) and not yet resumed.</summary>
    public bool IsPaused { get; private set; }

    /// <summary>Freezes the process (SIGSTOP): it keeps its memory and sockets but runs no code until resumed.</summary>
    public void Pause()
    {
        Signal(SigStop, "pause");
        IsPaused = true;
    }

    /// <summary>Lets a paused process run again (SIGCONT).</summary>
    public void Resume()
    {
        Signal(SigCont, "resume");
        IsPaused = false;
    }

    public static ManagedProcess Start(string resource, string command, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, ResourceLogStore logs, Action<string, bool>? echo)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnLine(resource, e.Data, false, logs, echo);
        process.ErrorDataReceived += (_, e) => OnLine(resource, e.Data, true, logs, echo);
        process.Exited += (_, _) =>
        {
            // Let the output readers drain before reporting the exit.
            process.WaitForExit();
            exited.TrySetResult(process.ExitCode);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(process) { Exited = exited.Task };
    }

    public async Task StopAsync(TimeSpan gracePeriod)
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        try
        {
            _ = kill(_process.Id, SigTerm);
            if (IsPaused)
            {
                // A stopped process cannot handle SIGTERM until it runs again.
                _ = kill(_process.Id, SigCont);
                IsPaused = false;
            }

            await Exited.WaitAsync(gracePeriod).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await Exited.ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    void Signal(int signal, string what)
    {
        if (Exited.IsCompleted)
        {
            throw new InvalidOperationException($"Cannot {what} process {_process.Id}: it has exited.");
        }

        if (kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Cannot {what} process {_process.Id}: kill failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    static void OnLine(string resource, string? line, bool isError, ResourceLogStore logs, Action<string, bool>? echo)
    {
        if (line is null)
        {
            return;
        }

        logs.Append(resource, line, isError);
        echo?.Invoke(line, isError);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
