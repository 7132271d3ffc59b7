using System.Reflection;
using System.Text.Json.Nodes;
using LogPipeline.Deploy.Monitoring;
using LogPipeline.Kafka;
using LogPipeline.Scorer.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace LogPipeline.Deploy.Tests;

/// <summary>
/// The dead-letter and anomaly alarms count log lines: the services' real log messages, written by the JSON console
/// formatter the published configuration selects, must carry the fields the metric filters read.
/// </summary>
public class LogMetricSourceTests
{
    [Fact]
    public void TheAlarmsLogCategoriesAreTheServicesLoggerCategories()
    {
        Assert.Equal(LogCategories.DeadLetterPublisher, typeof(DeadLetterPublisher).FullName);
        Assert.Equal(LogCategories.ScoringWorker, typeof(ScoringWorker).FullName);
    }

    [Fact]
    public void TheScorersBatchLineCarriesTheAnomalyCountAsANumber()
    {
        var line = Format<ScoringWorker>("LogAnomalies", 3, 500, 3.0);

        Assert.Equal(LogCategories.ScoringWorker, (string?)line["Category"]);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, line["State"]![LogCategories.AnomaliesField]!.GetValueKind());
        Assert.Equal(3, (int)line["State"]![LogCategories.AnomaliesField]!);
    }

    [Fact]
    public void EveryDeadLetterIsOneLineOfTheDeadLetterCategory()
    {
        var line = Format<DeadLetterPublisher>("LogDeadLetter", "logs.raw", 3, 42L, "not JSON");

        Assert.Equal(LogCategories.DeadLetterPublisher, (string?)line["Category"]);
        Assert.Equal("Warning", (string?)line["LogLevel"]);
        Assert.Equal("logs.raw", (string?)line["State"]!["Topic"]);
    }

    /// <summary>Calls the service's own [LoggerMessage] method and formats what it logs as the JSON console logger would.</summary>
    static JsonObject Format<TCategory>(string loggerMessage, params object[] arguments)
    {
        using var services = new ServiceCollection().AddLogging(b => b.AddJsonConsole()).BuildServiceProvider();
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var output = new StringWriter();
        var logger = new FormattingLogger(typeof(TCategory).FullName!, formatter, output);

        var method = typeof(TCategory).GetMethod(loggerMessage, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeof(TCategory).Name}.{loggerMessage} not found");
        method.Invoke(null, [logger, .. arguments]);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonNode.Parse(Assert.Single(lines))!.AsObject();
    }

    sealed class FormattingLogger(string category, ConsoleFormatter formatter, TextWriter output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format) =>
            formatter.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, format), null, output);
    }
}
