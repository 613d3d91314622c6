// The composition of the app is WebApp.Create: csp serve and the browser tests start the very same app.
CommunitySafety.Web.WebApp.Create(args).Run();

/// <summary>The web application's entry point (also what <c>WebApplicationFactory&lt;Program&gt;</c> starts).</summary>
public partial class Program;
