using TaceCds.Service.Board;
using TaceCds.Service.Discovery;
using TaceCds.Service.Errors;
using TaceCds.Service.Feedback;
using TaceCds.Service.Hooks;
using TaceCds.Service.Hosting;
using TaceCds.Service.Trust;
using TaceCds.Store;

namespace TaceCds.Service;

/// <summary>The CDS Hooks 2.0.1 service. <c>tacecds serve</c> builds it with local defaults; tests host it in memory.</summary>
public sealed class Program
{
    /// <summary>Port used when none is configured (<c>TaceCds:Port</c>); the service binds to 127.0.0.1 only.</summary>
    public const int DefaultPort = 5858;

    public static void Main(string[] args) => Build(args).Run();

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration.GetValue("TaceCds:Port", DefaultPort)}");
        // Per-request framework logs cost more than a cached answer; hook calls log their own one line at Debug.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        builder.Services.AddServiceSettings();
        builder.Services.AddFhirDataAccess();
        builder.Services.AddPatientEvaluation();
        builder.Services.AddCdsCors();
        builder.Services.AddTrust();

        var app = builder.Build();
        app.Services.GetRequiredService<ICdsStore>(); // open and migrate now: a bad store stops start-up, not the first call
        app.UsePublicBasePath();
        app.UseCdsErrors();
        app.UseCors();
        app.UseClientAuthentication();
        app.MapDiscovery();
        app.MapCourseReview();
        app.MapOrderCheck();
        app.MapFeedback();
        app.MapBoard();
        app.MapMethodNotAllowed();
        app.MapUnknownServices();
        return app;
    }
}
