using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using TaceCds.Rules.Pipeline;
using TaceCds.Service.Errors;
using TaceCds.Service.Evaluation;
using TaceCds.Service.Hooks;
using TaceCds.Service.Hosting;
using TaceCds.Service.Prefetch;

namespace TaceCds.Service.Tests;

/// <summary>
/// Issue 18 point 3: <c>TaceCds:Prefetch:&lt;service&gt;:&lt;key&gt;</c> replaces a prefetch template in discovery and in the
/// service's own fetch, validated at start-up against CDS Hooks 2.0.1 §"Prefetch tokens" (root-level context tokens only).
/// </summary>
public sealed class PrefetchOverridesTests : IClassFixture<PrefetchOverridesTests.ServerFixture>
{
    /// <summary>A site's lab query: 100 a page, by subject reference — another query than the default, same resource type.</summary>
    private const string SiteObservations = "Observation?subject=Patient/{{context.patientId}}&_count=100";

    private readonly ServerFixture _fixture;

    public PrefetchOverridesTests(ServerFixture fixture) => _fixture = fixture;

    public sealed class ServerFixture : IDisposable
    {
        public NodeFhirServer Server { get; } = new();
        public void Dispose() => Server.Dispose();
    }

    /// <summary>Forwards to the real server and keeps each request's path and query (the fetches the service made).</summary>
    private sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(Uri.UnescapeDataString(request.RequestUri!.PathAndQuery));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static PrefetchOverrides Parse(params (string Key, string Value)[] settings) =>
        PrefetchOverrides.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(), ServiceCatalog.All);

    [Fact]
    public async Task Discovery_announces_the_override_for_its_service_only()
    {
        using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:Prefetch:tace-course-review:observations"] = SiteObservations });
        var services = JsonNode.Parse(await host.CreateClient().GetStringAsync("/cds-services"))!["services"]!.AsArray();
        var review = services.Single(s => (string)s!["id"]! == ServiceCatalog.CourseReviewId)!["prefetch"]!.AsObject();
        Assert.Equal(SiteObservations, (string?)review["observations"]);
        Assert.Equal("Patient/{{context.patientId}}", (string?)review["patient"]); // the other keys keep their templates
        Assert.Equal(ServiceCatalog.PatientPrefetch.Keys, review.Select(p => p.Key)); // and their order
        foreach (var order in services.Where(s => (string)s!["id"]! == ServiceCatalog.OrderCheckId))
            Assert.Equal("Observation?patient={{context.patientId}}", (string?)order!["prefetch"]!["observations"]);
    }

    [Fact]
    public async Task Given_an_override_when_a_call_has_no_prefetch_then_the_service_fetches_the_overridden_query_and_answers_as_with_full_prefetch()
    {
        var recorder = new RecordingHandler();
        using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:Prefetch:tace-course-review:observations"] = SiteObservations },
            fhirHandler: recorder, evaluator: new DefaultPatientEvaluator(PatientPipeline.Load()));
        var client = host.CreateClient();
        var request = SampleRequests.PatientView("p02");
        request["fhirServer"] = _fixture.Server.BaseUrl.ToString();
        var (response, pulled) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var requests = recorder.Requests.ToList();
        Assert.Contains("/fhir/Observation?subject=Patient/p02&_count=100", requests);
        Assert.DoesNotContain(requests, r => r.StartsWith("/fhir/Observation?patient=", StringComparison.Ordinal));
        Assert.Contains("/fhir/Condition?patient=p02", requests); // keys without an override: the default template
        var (_, full) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")));
        Assert.NotEmpty(full!["cards"]!.AsArray());
        Assert.Equal(SampleRequests.CardsWithoutUuids(full), SampleRequests.CardsWithoutUuids(pulled));
    }

    [Theory]
    [InlineData("TaceCds:Prefetch:tace-course-reveiw:observations", SiteObservations, CdsErrorCodes.PrefetchUnknownService)]
    [InlineData("TaceCds:Prefetch:tace-course-review:labs", SiteObservations, CdsErrorCodes.PrefetchUnknownKey)]
    [InlineData("TaceCds:Prefetch:tace-course-review:observations", "https://ehr.example.org/fhir/Observation?patient={{context.patientId}}", CdsErrorCodes.PrefetchMalformedTemplate)]
    [InlineData("TaceCds:Prefetch:tace-course-review:observations", "/Observation?patient={{context.patientId}}", CdsErrorCodes.PrefetchMalformedTemplate)]
    [InlineData("TaceCds:Prefetch:tace-course-review:observations", "DiagnosticReport?patient={{context.patientId}}", CdsErrorCodes.PrefetchMalformedTemplate)]
    [InlineData("TaceCds:Prefetch:tace-course-review:observations", "Observation?patient={{context.patientId}", CdsErrorCodes.PrefetchMalformedTemplate)]
    [InlineData("TaceCds:Prefetch:tace-course-review:observations", " ", CdsErrorCodes.PrefetchMalformedTemplate)]
    [InlineData("TaceCds:Prefetch:tace-course-review:observations", "Observation?patient={{context.patient.id}}", CdsErrorCodes.PrefetchTokenNotAllowed)]
    [InlineData("TaceCds:Prefetch:tace-course-review:observations", "Observation?patient={{patientId}}", CdsErrorCodes.PrefetchTokenNotAllowed)]
    [InlineData("TaceCds:Prefetch:tace-order-check:medications", "MedicationStatement?patient={{context.draftOrders}}", CdsErrorCodes.PrefetchTokenNotAllowed)]
    // selections exists on order-select only, and is an array: refused for the service that also answers order-sign.
    [InlineData("TaceCds:Prefetch:tace-order-check:procedures", "Procedure?patient={{context.patientId}}&_id={{context.selections}}", CdsErrorCodes.PrefetchTokenNotAllowed)]
    public void A_bad_override_refuses_start_up_with_its_code_and_key(string key, string template, string code)
    {
        var refused = Assert.Throws<StartupRefusedException>(() => Parse((key, template)));
        // The message names the key at fault (the service alone when the service is unknown).
        var at = code == CdsErrorCodes.PrefetchUnknownService ? string.Join(':', key.Split(':').Take(3)) : key;
        Assert.StartsWith(code + " " + at + ": ", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tace-course-review", "observations", "Observation?patient={{context.patientId}}&category=laboratory&_count=200")]
    [InlineData("tace-course-review", "patient", "Patient/{{ context.patientId }}")]
    [InlineData("tace-order-check", "conditions", "Condition?patient={{context.patientId}}&encounter={{context.encounterId}}")]
    [InlineData("tace-order-check", "procedures", "Procedure?patient={{context.patientId}}&performer={{userPractitionerId}}")]
    public void Root_level_context_tokens_and_user_tokens_are_accepted(string service, string key, string template)
    {
        var overrides = Parse(($"TaceCds:Prefetch:{service}:{key}", template));
        foreach (var definition in ServiceCatalog.All.Where(s => s.Id == service))
            Assert.Equal(template, overrides.For(definition)[key]);
        Assert.Equal(ServiceCatalog.PatientPrefetch[key], overrides.For(ServiceCatalog.All.First(s => s.Id != service)).GetValueOrDefault(key));
    }

    [Fact]
    public void The_service_does_not_build_with_a_bad_override()
    {
        var store = Path.Combine(Path.GetTempPath(), $"tacecds-prefetch-{Guid.NewGuid():N}.db");
        try
        {
            var refused = Assert.Throws<StartupRefusedException>(() => Program.Build([
                "--TaceCds:Store=sqlite:" + store, "--urls=http://127.0.0.1:0", "--TaceCds:Auth:Enabled=false",
                "--TaceCds:Prefetch:tace-course-review:observations=Observation?patient={{context.patient.id}}",
            ]));
            Assert.StartsWith(CdsErrorCodes.PrefetchTokenNotAllowed, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(store + suffix); } catch (IOException) { }
        }
    }
}
