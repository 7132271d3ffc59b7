using System.Text.Json;
using LogPipeline.Hosting.ApplicationModel;

namespace LogPipeline.Hosting.Publishing;

/// <summary>
/// Writes the Aspire manifest (schema aspire-8.0): what to deploy, with environment variables as expressions over
/// other resources' bindings, so a deployment tool (azd) can map them to cloud resources.
/// </summary>
public static class ManifestPublisher
{
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    public static async Task WriteAsync(IEnumerable<IResource> resources, string path, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        await using var stream = File.Create(path);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Write(resources, directory, json);
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    public static void Write(IEnumerable<IResource> resources, string manifestDirectory, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUrl);
        json.WriteStartObject("resources");
        foreach (var resource in resources)
        {
            json.WriteStartObject(resource.Name);
            switch (resource)
            {
                case KafkaServerResource kafka:
                    WriteKafka(kafka, json);
                    break;
                case DynamoDbResource dynamo:
                    WriteDynamoDb(dynamo, json);
                    break;
                case ProjectResource project:
                    json.WriteString("type", "project.v0");
                    json.WriteString("path", RelativePath(manifestDirectory, project.ProjectPath));
                    WriteEnvironment(project, json);
                    WriteBindings(project, json);
                    break;
                case ExecutableResource executable:
                    json.WriteString("type", "executable.v0");
                    json.WriteString("workingDirectory", RelativePath(manifestDirectory, executable.WorkingDirectory));
                    json.WriteString("command", executable.Command);
                    WriteArgs(executable, json);
                    WriteEnvironment(executable, json);
                    WriteBindings(executable, json);
                    break;
                default:
                    throw new NotSupportedException($"The manifest cannot describe {resource.GetType().Name}.");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    // As Aspire.Hosting.Kafka writes it: a container that azd can run; in AWS the CDK app uses Amazon MSK instead.
    static void WriteKafka(KafkaServerResource kafka, Utf8JsonWriter json)
    {
        json.WriteString("type", "container.v0");
        json.WriteString("connectionString", kafka.ConnectionStringExpression);
        json.WriteString("image", "docker.io/confluentinc/confluent-local:7.7.1");
        json.WriteStartObject("env");
        json.WriteString("KAFKA_LISTENERS", "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093");
        json.WriteString("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT");
        json.WriteString("KAFKA_ADVERTISED_LISTENERS", $"PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:9092,PLAINTEXT_INTERNAL://{kafka.Name}:9093");
        json.WriteEndObject();
        json.WriteStartObject("bindings");
        WriteBinding(json, "tcp", "tcp", 9092, external: false);
        WriteBinding(json, "internal", "tcp", 9093, external: false);
        json.WriteEndObject();
    }

    static void WriteDynamoDb(DynamoDbResource dynamo, Utf8JsonWriter json)
    {
        json.WriteString("type", "container.v0");
        json.WriteString("image", "docker.io/amazon/dynamodb-local:2.5.2");
        json.WriteStartArray("args");
        json.WriteStringValue("-jar");
        json.WriteStringValue("DynamoDBLocal.jar");
        json.WriteStringValue("-inMemory");
        json.WriteEndArray();
        json.WriteStartObject("bindings");
        WriteBinding(json, "http", "http", 8000, external: false);
        json.WriteEndObject();
    }

    static void WriteArgs(IResource resource, Utf8JsonWriter json)
    {
        var args = resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).ToArray();
        if (args.Length == 0)
        {
            return;
        }

        json.WriteStartArray("args");
        foreach (var arg in args)
        {
            json.WriteStringValue(arg);
        }

        json.WriteEndArray();
    }

    static void WriteEnvironment(IResource resource, Utf8JsonWriter json)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (resource is ProjectResource)
        {
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
            env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
            env["HTTP_PORTS"] = $"{{{resource.Name}.bindings.http.targetPort}}";
        }

        var context = new EnvironmentCallbackContext(env, isPublishing: true);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }

        json.WriteStartObject("env");
        foreach (var (key, value) in env)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    static void WriteBindings(IResource resource, Utf8JsonWriter json)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToArray();
        if (endpoints.Length == 0)
        {
            return;
        }

        json.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            WriteBinding(json, endpoint.Name, endpoint.Scheme, targetPort: null, external: false);
        }

        json.WriteEndObject();
    }

    static void WriteBinding(Utf8JsonWriter json, string name, string scheme, int? targetPort, bool external)
    {
        json.WriteStartObject(name);
        json.WriteString("scheme", scheme);
        json.WriteString("protocol", "tcp");
        json.WriteString("transport", scheme == "http" ? "http" : "tcp");
        if (targetPort is not null)
        {
            json.WriteNumber("targetPort", targetPort.Value);
        }

        if (external)
        {
            json.WriteBoolean("external", true);
        }

        json.WriteEndObject();
    }

    static string RelativePath(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');
}
