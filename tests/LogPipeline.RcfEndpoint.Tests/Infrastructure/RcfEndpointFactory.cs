using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

/// <summary>
/// The real endpoint app in memory, configured with one small seeded streaming model ("small", 3 features) that also
/// serves the container contract. Other settings can be given, e.g. a state directory.
/// </summary>
public class RcfEndpointFactory : WebApplicationFactory<Program>
{
    public const string SmallModel = "small";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _withSmallModel;

    public RcfEndpointFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    // Not public: xUnit needs class fixtures to have exactly one public constructor.
    internal RcfEndpointFactory(IReadOnlyDictionary<string, string?> settings, bool withSmallModel = true)
    {
        _settings = settings;
        _withSmallModel = withSmallModel;
    }

    public static Dictionary<string, string?> SmallModelSettings(string name = SmallModel) => new()
    {
        [$"Pipeline:Rcf:Models:{name}:FeatureDim"] = "3",
        [$"Pipeline:Rcf:Models:{name}:Trees"] = "30",
        [$"Pipeline:Rcf:Models:{name}:SampleSize"] = "64",
        [$"Pipeline:Rcf:Models:{name}:OutputAfter"] = "16",
        [$"Pipeline:Rcf:Models:{name}:Seed"] = "42",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var all = _withSmallModel ? SmallModelSettings() : [];
        if (_withSmallModel)
        {
            all["Pipeline:Rcf:ContainerModel"] = SmallModel;
        }

        foreach (var (key, value) in _settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
