using Xunit.Abstractions;

namespace LogPipeline.Dashboard.Tests;

/// <summary>
/// Keeps the README's screenshots under <c>docs/images/</c> current: copied from the test's screenshot when
/// missing, or on every run with <c>LOGPIPELINE_UPDATE_SCREENSHOTS=1</c> (so ordinary runs leave the clone unchanged).
/// </summary>
static class ReadmeScreenshot
{
    public const string UpdateVariable = "LOGPIPELINE_UPDATE_SCREENSHOTS";

    public static void Update(string screenshot, string name, ITestOutputHelper output)
    {
        if (RepositoryRoot() is not { } root)
        {
            return;
        }

        var target = Path.Combine(root, "docs", "images", name);
        if (File.Exists(target) && Environment.GetEnvironmentVariable(UpdateVariable) != "1")
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(screenshot, target, overwrite: true);
        output.WriteLine($"updated {target}");
    }

    static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogPipeline.slnx")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
