using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LogPipeline.Generator.Tests.Infrastructure;

/// <summary>The generator service in-process, producing to the given Kafka, paused and without background anomalies.</summary>
public sealed class GeneratorApplication(string bootstrapServers) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:kafka", bootstrapServers);
        builder.UseSetting("Pipeline:Generator:RatePerSecond", "0");
        builder.UseSetting("Pipeline:Generator:AnomalyProbability", "0");
        builder.UseSetting("Pipeline:Generator:AcknowledgementTimeout", "00:00:20");
    }
}
