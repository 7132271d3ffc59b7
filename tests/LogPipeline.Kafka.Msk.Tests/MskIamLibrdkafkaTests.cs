using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Confluent.Kafka;
using LogPipeline.Kafka.Msk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Kafka.Msk.Tests;

/// <summary>
/// Real librdkafka clients (Debian's librdkafka) pointed at a closed loopback port: no broker is needed to see
/// librdkafka ask for a token at start-up and accept or refuse the one the handler sets.
/// </summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public class MskIamLibrdkafkaTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task LibrdkafkaAcceptsTheTokenTheRefreshHandlerSets()
    {
        var handler = new MskIamTokenRefreshHandler(
            new MskIamTokenProvider("eu-west-1", new BasicAWSCredentials("AKIDEXAMPLE", "secret")), NullLogger.Instance);
        var refreshed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var config = new ProducerConfig { BootstrapServers = ClosedLoopbackEndpoint() };
        MskIamAuthentication.Configure(config);

        using var producer = new ProducerBuilder<Null, Null>(config)
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, _) => { })
            .SetOAuthBearerTokenRefreshHandler((client, oauthConfig) =>
            {
                try
                {
                    handler.Refresh(client, oauthConfig);
                    refreshed.TrySetResult(null);
                }
                catch (Exception ex)
                {
                    refreshed.TrySetResult(ex);
                }
            })
            .Build();

        // OAuthBearerSetToken throws when librdkafka rejects the token, its lifetime or the principal.
        Assert.Null(await refreshed.Task.WaitAsync(Timeout));
    }

    [Fact]
    public async Task ProducersFromConfigurationGetTheirTokenFromTheMskHandler()
    {
        using var credentials = new AwsEnvironmentCredentials();
        var logs = new CapturingLoggerProvider();
        using var host = CreateHost(logs, b => b.AddKafkaProducer("kafka"));

        _ = host.Services.GetRequiredService<IProducer<byte[]?, byte[]?>>();

        var message = await logs.WaitForAsync(m => m.Contains("MSK IAM token for eu-west-1 refreshed", StringComparison.Ordinal), Timeout);
        Assert.Equal("LogPipeline.Kafka.Producer", message.Category);
    }

    [Fact]
    public async Task ConsumersFromConfigurationGetTheirTokenFromTheMskHandler()
    {
        using var credentials = new AwsEnvironmentCredentials();
        var logs = new CapturingLoggerProvider();
        using var host = CreateHost(logs, b => b.AddKafkaConsumer("kafka", "msk-test"));
        var consumer = host.Services.GetRequiredService<IConsumer<byte[]?, byte[]?>>();

        // A consumer serves librdkafka's token-refresh event from its own poll loop.
        var refreshed = logs.WaitForAsync(m => m.Contains("MSK IAM token for eu-west-1 refreshed", StringComparison.Ordinal), Timeout);
        while (!refreshed.IsCompleted)
        {
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal("LogPipeline.Kafka.Consumer", (await refreshed).Category);
    }

    [Fact]
    public async Task WithoutCredentialsTheHandlerReportsTheFailureToLibrdkafkaInsteadOfThrowing()
    {
        var provider = new MskIamTokenProvider("eu-west-1", new FailingCredentials());
        var logs = new CapturingLoggerProvider();
        var handler = new MskIamTokenRefreshHandler(provider, logs.CreateLogger("test"));
        var config = new ProducerConfig { BootstrapServers = ClosedLoopbackEndpoint() };
        MskIamAuthentication.Configure(config);

        using var producer = new ProducerBuilder<Null, Null>(config)
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, _) => { })
            .SetOAuthBearerTokenRefreshHandler(handler.Refresh)
            .Build();

        var message = await logs.WaitForAsync(m => m.StartsWith("Could not create an MSK IAM token", StringComparison.Ordinal), Timeout);
        Assert.Equal(LogLevel.Error, message.Level);
    }

    static IHost CreateHost(CapturingLoggerProvider logs, Action<HostApplicationBuilder> addClient)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = ClosedLoopbackEndpoint(),
            ["Pipeline:Kafka:MskIamAuth"] = "true",
            ["AWS_REGION"] = "eu-west-1",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        addClient(builder);
        return builder.Build();
    }

    /// <summary>A loopback port nothing listens on: librdkafka's connection attempts are refused at once.</summary>
    static string ClosedLoopbackEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"127.0.0.1:{port}";
    }

    sealed class FailingCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("No credentials in this test.");
    }

    /// <summary>
    /// Static credentials in the process environment, where the default chain looks first, so it never reaches for
    /// instance metadata; restored afterwards.
    /// </summary>
    sealed class AwsEnvironmentCredentials : IDisposable
    {
        static readonly string[] Names = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EC2_METADATA_DISABLED"];
        readonly Dictionary<string, string?> _saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

        public AwsEnvironmentCredentials()
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

sealed record CapturedLog(string Category, LogLevel Level, string Message);

sealed class CapturingLoggerProvider : ILoggerProvider
{
    readonly ConcurrentQueue<CapturedLog> _logs = new();
    readonly List<(Func<string, bool> Match, TaskCompletionSource<CapturedLog> Found)> _waiters = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public async Task<CapturedLog> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<CapturedLog>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((match, found));
            foreach (var log in _logs)
            {
                if (match(log.Message))
                {
                    found.TrySetResult(log);
                }
            }
        }

        try
        {
            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No matching log within " + timeout + ". Logged:\n" + string.Join('\n', _logs.Select(l => $"{l.Category} {l.Level}: {l.Message}")));
        }
    }

    public void Dispose()
    {
    }

    void Add(CapturedLog log)
    {
        lock (_waiters)
        {
            _logs.Enqueue(log);
            foreach (var (match, found) in _waiters)
            {
                if (match(log.Message))
                {
                    found.TrySetResult(log);
                }
            }
        }
    }

    sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add(new CapturedLog(category, logLevel, formatter(state, exception)));
    }
}
