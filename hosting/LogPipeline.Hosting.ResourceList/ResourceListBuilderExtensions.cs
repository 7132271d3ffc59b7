using LogPipeline.Hosting.ResourceList;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

public static class ResourceListBuilderExtensions
{
    /// <summary>
    /// Serves every resource's state, health, endpoints and connection string (secrets masked) as JSON at
    /// <c>{ResourceList:Url}/api/resources</c> (default http://127.0.0.1:18887) while the app runs.
    /// </summary>
    public static IDistributedApplicationBuilder AddResourceList(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        var options = new ResourceListOptions();
        builder.Configuration.GetSection(ResourceListOptions.SectionName).Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ResourceListServer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ResourceListServer>());
        return builder;
    }
}
