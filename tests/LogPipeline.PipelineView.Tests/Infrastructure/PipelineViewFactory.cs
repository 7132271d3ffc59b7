using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LogPipeline.PipelineView.Tests.Infrastructure;

/// <summary>The pipeline view in process, configured with the given settings (Kafka, service discovery, topics).</summary>
sealed class PipelineViewFactory(IEnumerable<KeyValuePair<string, string?>> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting($"{PipelineViewOptions.SectionName}:{nameof(PipelineViewOptions.SampleInterval)}", "00:00:00.250");
    }
}
