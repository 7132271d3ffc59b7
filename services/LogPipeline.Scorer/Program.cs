using LogPipeline.Contracts;
using LogPipeline.RandomCutForest;
using LogPipeline.Scorer;
using LogPipeline.Scorer.Scoring;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.AddBasicServiceDefaults();
builder.Services.AddOptions<ScorerOptions>().BindConfiguration(ScorerOptions.Section);
builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName);
builder.Services.AddOptions<RecordValidationOptions>().BindConfiguration(RecordValidationOptions.SectionName);
builder.Services.AddSingleton(sp => new AnomalyThreshold(sp.GetRequiredService<IOptions<ScorerOptions>>().Value.Threshold));
builder.Services.AddSingleton<DetectionQuality>();
builder.AddSageMakerRuntimeClient();
builder.AddKafkaProducer("kafka");
builder.AddKafkaConsumer("kafka", builder.Configuration[$"{ScorerOptions.Section}:ConsumerGroup"] ?? ConsumerGroups.Scorer);
builder.AddBatchConsumerWorker<ScoringWorker>("scoring");
builder.Services.AddProblemDetails();

var app = builder.Build();

app.MapScorerApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
