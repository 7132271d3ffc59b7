var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLogBatchWriter();
builder.AddScoredLogWriter();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
