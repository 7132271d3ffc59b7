var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddArchiver();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
