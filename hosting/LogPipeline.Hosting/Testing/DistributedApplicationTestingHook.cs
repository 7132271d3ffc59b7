using System.Reflection;

namespace LogPipeline.Hosting.Testing;

/// <summary>Lets the test entry point run the app host's Main up to <c>Build()</c> and take the composed builder.</summary>
static class DistributedApplicationTestingHook
{
    static readonly AsyncLocal<Capture?> Current = new();

    public static Assembly? AppHostAssembly => Current.Value?.AppHostAssembly;

    public static Capture Begin(Assembly appHostAssembly) => Current.Value = new Capture(appHostAssembly);

    public static void End() => Current.Value = null;

    public static bool TryCapture(DistributedApplicationBuilder builder)
    {
        if (Current.Value is not { Builder: null } capture)
        {
            return false;
        }

        capture.Builder = builder;
        return true;
    }

    public sealed class Capture(Assembly appHostAssembly)
    {
        public Assembly AppHostAssembly { get; } = appHostAssembly;

        public DistributedApplicationBuilder? Builder { get; set; }
    }
}
