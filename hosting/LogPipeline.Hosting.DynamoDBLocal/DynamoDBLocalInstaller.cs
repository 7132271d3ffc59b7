using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Hosting.DynamoDBLocal;

/// <summary>
/// Installs Amazon's DynamoDB Local on first use: it ships inside the npm package amplify-dynamodb-simulator,
/// which <c>npm pack</c> fetches without running any install script. Same cache folder as eng/install-dynamodb-local.sh.
/// </summary>
public static partial class DynamoDBLocalInstaller
{
    public const string Version = "2.9.30";

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("LOGPIPELINE_CACHE")
        ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "logpipeline");

    public static string JarPath => Path.Combine(CacheDirectory, "dynamodb-local", Version, "package", "emulator", "DynamoDBLocal.jar");

    /// <summary>The jar's native libraries (SQLite), for <c>-Djava.library.path</c>.</summary>
    public static string NativeLibraryDirectory => Path.Combine(Path.GetDirectoryName(JarPath)!, "DynamoDBLocal_lib");

    public static async Task<string> EnsureInstalledAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var jar = JarPath;
        if (File.Exists(jar))
        {
            return jar;
        }

        var directory = Path.Combine(CacheDirectory, "dynamodb-local", Version);
        Directory.CreateDirectory(directory);
        LogInstalling(logger, Version, directory);
        var started = Stopwatch.StartNew();
        await RunAsync("npm", ["pack", "--silent", $"amplify-dynamodb-simulator@{Version}"], directory, logger, started, cancellationToken).ConfigureAwait(false);
        var tarball = Path.Combine(directory, $"amplify-dynamodb-simulator-{Version}.tgz");
        await RunAsync("tar", ["xzf", tarball], directory, logger, started, cancellationToken).ConfigureAwait(false);
        File.Delete(tarball);
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException($"DynamoDB Local was not found at {jar} after unpacking the npm package.");
        }

        LogInstalled(logger, started.Elapsed.TotalSeconds);
        return jar;
    }

    static async Task RunAsync(string command, string[] args, string directory, ILogger logger, Stopwatch started, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        while (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogProgress(logger, command, started.Elapsed.TotalSeconds);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installing DynamoDB Local {Version} into {Directory} (about 56 MB, first run only)")]
    static partial void LogInstalling(ILogger logger, string version, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Still installing DynamoDB Local ({Command}, {Seconds:F0} s)")]
    static partial void LogProgress(ILogger logger, string command, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB Local installed in {Seconds:F1} s")]
    static partial void LogInstalled(ILogger logger, double seconds);
}
