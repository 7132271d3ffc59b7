using System.Diagnostics;

namespace LogPipeline.Testing;

/// <summary>Whether a process still runs, and ending one with everything it started.</summary>
public static class ProcessChecks
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Kills <paramref name="process"/> and its descendants and waits for it to exit, at most <paramref name="timeout"/>.</summary>
    public static async Task KillTreeAsync(Process process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(timeout);
    }
}
