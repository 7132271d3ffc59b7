using System.Diagnostics;
using System.Text.Json;
using NJsonSchema;

namespace LogPipeline.AppHost.Tests;

public class ManifestTests
{
    static readonly Lazy<Task<string>> Published = new(PublishAsync);

    static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));

    /// <summary>Runs Aspire's manifest publisher on the app host, as the README's command does, into the repository root (paths in a manifest are relative to its folder).</summary>
    static async Task<string> PublishAsync()
    {
        var output = Path.Combine(RepoRoot(), $".manifest-{Guid.NewGuid():N}.json");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot() };
        foreach (var arg in (string[])["run", "--project", "LogPipeline.AppHost", "--no-build", "-c", configuration, "--", "--publisher", "manifest", "--output-path", output])
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(process.ExitCode == 0, $"the publisher failed: {await log}{await errors}");
            return (await File.ReadAllTextAsync(output)).ReplaceLineEndings("\n");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task TheCheckedInManifestIsWhatTheAppHostPublishes()
    {
        var expected = File.ReadAllText(Path.Combine(RepoRoot(), "aspire-manifest.json")).ReplaceLineEndings("\n");
        var actual = await Published.Value.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(expected == actual,
            "aspire-manifest.json is out of date: regenerate it with " +
            "`dotnet run --project LogPipeline.AppHost -- --publisher manifest --output-path aspire-manifest.json` from the repository root.\n" + actual);
    }

    [Fact]
    public async Task TheManifestIsValidAgainstAspiresSchema()
    {
        var schema = await JsonSchema.FromJsonAsync(WithoutBooleanSchemas(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "aspire-8.0.json"))));
        var errors = schema.Validate(await Published.Value.WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    /// <summary>
    /// NJsonSchema 10 (the newest version that restores here) predates draft 6: it cannot read boolean subschemas such
    /// as <c>"build": false</c> and ignores <c>const</c>. By the JSON Schema specification <c>false</c> is equivalent to
    /// <c>{"not": {}}</c>, <c>true</c> to <c>{}</c> and <c>"const": x</c> to <c>"enum": [x]</c>, so they are rewritten to
    /// those before loading.
    /// </summary>
    static string WithoutBooleanSchemas(string schemaJson)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(schemaJson)!;
        Rewrite(root);
        return root.ToJsonString();

        static void Rewrite(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject obj:
                    if (obj["const"] is { } constant)
                    {
                        obj.Remove("const");
                        obj["enum"] = new System.Text.Json.Nodes.JsonArray(constant.DeepClone());
                    }

                    if (obj["properties"] is System.Text.Json.Nodes.JsonObject properties)
                    {
                        foreach (var name in properties.Select(p => p.Key).ToArray())
                        {
                            if (properties[name] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<bool>(out var allowed))
                            {
                                properties[name] = allowed ? new System.Text.Json.Nodes.JsonObject() : new System.Text.Json.Nodes.JsonObject { ["not"] = new System.Text.Json.Nodes.JsonObject() };
                            }
                        }
                    }

                    foreach (var child in obj.Select(p => p.Value).ToArray())
                    {
                        Rewrite(child);
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray array:
                    foreach (var child in array.ToArray())
                    {
                        Rewrite(child);
                    }

                    break;
            }
        }
    }

    [Fact]
    public async Task TheManifestIsRejectedWhenItBreaksTheSchema()
    {
        var schema = await JsonSchema.FromJsonAsync(WithoutBooleanSchemas(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "aspire-8.0.json"))));
        // A binding's protocol may only be tcp or udp.
        var broken = (await Published.Value.WaitAsync(TimeSpan.FromMinutes(3))).Replace("\"protocol\": \"tcp\"", "\"protocol\": \"sctp\"", StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public async Task EveryServiceIsAProjectWithItsReferencesAsExpressions()
    {
        using var manifest = JsonDocument.Parse(await Published.Value.WaitAsync(TimeSpan.FromMinutes(3)));
        var resources = manifest.RootElement.GetProperty("resources");
        foreach (var name in new[] { "generator", "scorer", "writer", "queryapi", "rcf" })
        {
            Assert.Equal("project.v0", resources.GetProperty(name).GetProperty("type").GetString());
        }

        var scorerEnv = resources.GetProperty("scorer").GetProperty("env");
        Assert.Equal("{kafka.connectionString}", scorerEnv.GetProperty("ConnectionStrings__kafka").GetString());
        Assert.Equal("{rcf.bindings.http.url}", scorerEnv.GetProperty("services__rcf__http__0").GetString());
        Assert.False(scorerEnv.TryGetProperty("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", out _), "published services must use the real SageMaker endpoint");
        Assert.False(resources.GetProperty("writer").GetProperty("env").TryGetProperty("AWS_ENDPOINT_URL_DYNAMODB", out _), "published services must use the regional DynamoDB endpoint");
        Assert.False(resources.TryGetProperty("dynamodb", out _), "DynamoDB Local is for local runs only");

        // Published, Kafka is whatever bootstrap servers the deployer gives (MSK), and the Query API key is a secret parameter.
        Assert.Equal("{kafka-bootstrap-servers.value}", resources.GetProperty("kafka").GetProperty("connectionString").GetString());
        Assert.Equal("{queryapi-key.value}", resources.GetProperty("queryapi").GetProperty("env").GetProperty("Pipeline__QueryApi__ApiKeys__0").GetString());
    }
}
