using TaceCds.Rules.Pipeline;
using TaceCds.Service.Board;
using TaceCds.Service.Discovery;
using TaceCds.Service.Errors;
using TaceCds.Service.Feedback;
using TaceCds.Service.Health;
using TaceCds.Service.Hooks;
using TaceCds.Service.Hosting;
using TaceCds.Service.Prefetch;
using TaceCds.Service.Telemetry;
using TaceCds.Service.Trust;
using TaceCds.Store;

namespace TaceCds.Service;

/// <summary>The CDS Hooks 2.0.1 service. <c>tacecds serve</c> builds it with local defaults; tests host it in memory.</summary>
public sealed class Program
{
    /// <summary>Port used when no address is configured (<c>TaceCds:Port</c>): the service then binds to 127.0.0.1 only.</summary>
    public const int DefaultPort = 5858;

    /// <summary>Exit code of a refused start-up (the CLI's "bad input").</summary>
    public const int RefusedExitCode = 2;

    public static int Main(string[] args)
    {
        try
        {
            Build(args).Run();
            return 0;
        }
        catch (StartupRefusedException refused)
        {
            Console.Error.WriteLine("error: " + refused.Message);
            return RefusedExitCode;
        }
    }

    /// <summary>The service, ready to run; throws <see cref="StartupRefusedException"/> for a configuration it must not run with.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // The slim builder leaves HTTPS out; Kestrel endpoints with a certificate from configuration need it.
        builder.WebHost.UseKestrelHttpsConfiguration();
        // Per-request framework logs cost more than a cached answer; hook calls log their own one line at Debug.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        ConsoleLogFormat.Apply(builder);
        var listen = ListenAddresses.Resolve(builder.Configuration);
        if (!listen.FromKestrelEndpoints) builder.WebHost.UseUrls([.. listen.Urls]);
        builder.Services.AddServiceSettings();
        builder.Services.AddFhirDataAccess();
        builder.Services.AddPatientEvaluation();
        builder.Services.AddCdsCors();
        builder.Services.AddTrust();
        builder.Services.AddBoardLinks();
        builder.Services.AddCdsTelemetry(builder.Configuration);
        builder.Services.AddCdsHealthChecks(builder.Configuration);

        var app = builder.Build();
        // Checked on the built configuration: test hosts and the CLI add settings up to Build().
        try
        {
            StartupRefusal.Check(ListenAddresses.Resolve(app.Configuration), app.Services.GetRequiredService<TrustSettings>(),
                app.Services.GetRequiredService<ServiceSettings>());
            BoardRegistration.CheckAtStartup(app);
            app.Services.GetRequiredService<PrefetchOverrides>();
        }
        catch (StartupRefusedException)
        {
            ((IDisposable)app).Dispose();
            throw;
        }
        app.Services.GetRequiredService<ICdsStore>(); // open and migrate now: a bad store stops start-up, not the first call
        app.Services.GetRequiredService<PatientPipeline>(); // load and validate the rule packs now, for the same reason
        HealthRegistration.CaptureStartupState(app.Services);
        TelemetryRegistration.StartObserving(app.Services);
        app.UsePublicBasePath();
        app.UseCdsErrors();
        app.UseCors();
        app.UseClientAuthentication();
        app.MapCdsHealth();
        app.MapCdsMetrics();
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
