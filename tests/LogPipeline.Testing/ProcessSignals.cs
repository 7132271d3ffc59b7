using System.Runtime.InteropServices;

namespace LogPipeline.Testing;

/// <summary>POSIX signals to a process: Ctrl+C as a terminal sends it, and freezing and thawing a process.</summary>
public static partial class ProcessSignals
{
    public const int Interrupt = 2;
    public const int Continue = 18;
    public const int Stop = 19;

    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
