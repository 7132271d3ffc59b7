using LogPipeline.Hosting.ApplicationModel;

namespace LogPipeline.Hosting.Orchestration;

/// <summary>The environment a resource's process gets: Aspire's conventions, then the resource's own callbacks.</summary>
static class EnvironmentBuilder
{
    public static Dictionary<string, string> Build(IResource resource, string? otlpEndpoint)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (resource is ProjectResource)
        {
            var http = resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == "http");
            if (http is not null)
            {
                env["ASPNETCORE_URLS"] = http.Url;
            }

            env["DOTNET_ENVIRONMENT"] = "Development";
            env["ASPNETCORE_ENVIRONMENT"] = "Development";
            env["OTEL_SERVICE_NAME"] = resource.Name;
            env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={resource.Name}-{Environment.ProcessId}";
            env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            env["OTEL_METRIC_EXPORT_INTERVAL"] = "5000";
            env["Logging__Console__FormatterName"] = "simple";
            env["Logging__Console__FormatterOptions__SingleLine"] = "true";
            env["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ";
            env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            if (otlpEndpoint is not null)
            {
                env["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
                env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            }
        }

        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.TargetEnvironmentVariable is not null)
            {
                env[endpoint.TargetEnvironmentVariable] = endpoint.Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var context = new EnvironmentCallbackContext(env, isPublishing: false);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }

        return env;
    }

    public static Dictionary<string, string> Masked(IResource resource, IReadOnlyDictionary<string, string> env)
    {
        var secrets = resource.Annotations.OfType<SecretEnvironmentAnnotation>().Select(s => s.Variable).ToHashSet(StringComparer.Ordinal);
        return env.ToDictionary(
            kv => kv.Key,
            kv => secrets.Contains(kv.Key) || LooksSecret(kv.Key) ? "••••••" : kv.Value,
            StringComparer.Ordinal);
    }

    static bool LooksSecret(string key) =>
        key.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
        || key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
        || key.Contains("APIKEY", StringComparison.OrdinalIgnoreCase)
        || key.Contains("API_KEY", StringComparison.OrdinalIgnoreCase)
        || key.Contains("ApiKeys", StringComparison.OrdinalIgnoreCase)
        || key.Contains("SESSION_TOKEN", StringComparison.OrdinalIgnoreCase);
}
