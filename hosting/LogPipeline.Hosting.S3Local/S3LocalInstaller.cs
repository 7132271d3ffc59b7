using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Hosting.S3Local;

/// <summary>
/// Installs s3rver on first use with npm, into the per-user cache (the same folder as eng/prerequisites.sh), reporting
/// progress to the resource's console.
/// </summary>
public static partial class S3LocalInstaller
{
    public const string Version = "3.7.1";

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("LOGPIPELINE_CACHE")
        ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "logpipeline");

    public static string InstallDirectory => Path.Combine(CacheDirectory, "s3rver", Version);

    /// <summary>The program node runs.</summary>
    public static string ScriptPath => Path.Combine(InstallDirectory, "node_modules", "s3rver", "bin", "s3rver.js");

    public static async Task<string> EnsureInstalledAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var script = ScriptPath;
        if (File.Exists(script))
        {
            return script;
        }

        Directory.CreateDirectory(InstallDirectory);
        LogInstalling(logger, Version, InstallDirectory);
        var started = Stopwatch.StartNew();
        var info = new ProcessStartInfo("npm") { WorkingDirectory = InstallDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])["install", "--prefix", InstallDirectory, "--save-exact", "--no-audit", "--no-fund", "--loglevel=error", $"s3rver@{Version}"])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start npm.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        while (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogProgress(logger, started.Elapsed.TotalSeconds);
        }

        if (process.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException($"npm install s3rver@{Version} failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        LogInstalled(logger, started.Elapsed.TotalSeconds);
        return script;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installing s3rver {Version} into {Directory} with npm (about 14 MB, first run only)")]
    static partial void LogInstalling(ILogger logger, string version, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Still installing s3rver ({Seconds:F0} s)")]
    static partial void LogProgress(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "s3rver installed in {Seconds:F1} s")]
    static partial void LogInstalled(ILogger logger, double seconds);
}
