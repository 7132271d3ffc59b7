using LogPipeline.Generator.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKafkaProducer("kafka");
builder.AddLogGenerator();
builder.Services.AddProblemDetails();
builder.AddBadRequestProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.MapOpenApi();
app.MapControlApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
