// The hello-world floor of the cold-start comparison: what the same runtime and publish mode cost with no app in it.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "Hello World!");
app.Run();
