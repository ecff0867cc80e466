using System.Net;
using System.Text.Json.Nodes;
using TaceCds.Service.Cards;
using TaceCds.Service.Errors;

namespace TaceCds.Service.Tests;

/// <summary>patient-view on tace-course-review, with prefetch present, partial, missing, null and holding OperationOutcomes.</summary>
public sealed class CourseReviewTests
{
    private const string Id = "tace-course-review";

    [Fact]
    public async Task Full_prefetch_gives_the_course_summary_card_from_the_evaluation()
    {
        using var host = new ServiceHost(); // no local data, no FHIR server: everything must come from prefetch
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        // samples/README.md p02: 3 sessions (last 2024-06-03), MR 2024-07-22 sum 100 = 125 % of baseline 80 → PD.
        Assert.Equal("TACE course: 3 sessions, last 2024-06-03; mRECIST PD on 2024-07-22", (string?)card["summary"]);
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.Contains("target sum 80 mm", (string?)card["detail"]);
        // p02's last labs (2024-07-22) are far older than 30 days on the service's evaluation day: Child-Pugh has no current
        // value (clinical-reference §5 "Recency") and the card shows the one before the 1st TACE as such.
        Assert.Contains("Child-Pugh A5 before the 1st TACE (no current value)", (string?)card["detail"]);
        Assert.Equal("TaceCds", (string?)card["source"]!["label"]);
        Assert.Equal(CourseSummaryCard.Topic, (string?)card["source"]!["topic"]!["code"]);
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
    }

    [Fact]
    public async Task Missing_prefetch_without_a_fhir_server_or_local_data_is_412_naming_the_keys()
    {
        using var host = new ServiceHost();
        var prefetch = SampleRequests.FullPrefetch("p02");
        prefetch.Remove("observations");
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02", prefetch));
        var outcome = OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.DataUnavailable, "prefetch.observations");
        Assert.Contains("'observations'", (string?)outcome["issue"]![0]!["details"]!["text"]);
    }

    [Fact]
    public async Task No_prefetch_at_all_without_a_fhir_server_is_412()
    {
        using var host = new ServiceHost();
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02"));
        OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.DataUnavailable, "prefetch.patient");
    }

    [Fact]
    public async Task Missing_prefetch_is_read_from_the_local_data_and_gives_the_same_cards()
    {
        using var host = ServiceHost.WithSamples();
        var client = host.CreateClient();
        var (_, full) = await SampleRequests.PostAsync(client, Id, SampleRequests.PatientView("p15", SampleRequests.FullPrefetch("p15")));
        var partialPrefetch = SampleRequests.FullPrefetch("p15");
        partialPrefetch.Remove("observations");
        partialPrefetch.Remove("procedures");
        var (partialResponse, partial) = await SampleRequests.PostAsync(client, Id, SampleRequests.PatientView("p15", partialPrefetch));
        var (noneResponse, none) = await SampleRequests.PostAsync(client, Id, SampleRequests.PatientView("p15"));
        Assert.Equal(HttpStatusCode.OK, partialResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noneResponse.StatusCode);
        Assert.Equal(SampleRequests.CardsWithoutUuids(full), SampleRequests.CardsWithoutUuids(partial));
        Assert.Equal(SampleRequests.CardsWithoutUuids(full), SampleRequests.CardsWithoutUuids(none));
        Assert.Contains("5 sessions", (string?)full!["cards"]![0]!["summary"]);
    }

    [Fact]
    public async Task A_null_key_means_no_data_and_is_not_fetched()
    {
        using var host = new ServiceHost(); // nothing to fetch from: a fetch attempt would be a 412
        var prefetch = SampleRequests.FullPrefetch("p02");
        prefetch["observations"] = null;
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02", prefetch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        // Without observations there are no measurements: the course stands, no assessment, no lab scores.
        Assert.Equal("TACE course: 3 sessions, last 2024-06-03", (string?)card["summary"]);
        Assert.DoesNotContain("Child-Pugh", (string?)card["detail"]);
    }

    [Fact]
    public async Task A_null_patient_is_412_CDS303_not_an_empty_answer()
    {
        // Issue 18 point 5: without its Patient nothing is evaluated, and "no cards" would read as "nothing to say".
        using var host = new ServiceHost();
        var prefetch = SampleRequests.FullPrefetch("p02");
        prefetch["patient"] = null;
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02", prefetch));
        var outcome = OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.PatientUnknown, "context.patientId");
        Assert.Contains("no Patient resource for this patient (", (string?)outcome["issue"]![0]!["details"]!["text"]);
        Assert.Contains("patient: prefetch (null: no data)", (string?)outcome["issue"]![0]!["details"]!["text"]);
    }

    [Fact]
    public async Task An_operation_outcome_in_prefetch_is_treated_as_missing_and_fetched()
    {
        using var host = ServiceHost.WithSamples();
        var client = host.CreateClient();
        var prefetch = SampleRequests.FullPrefetch("p02");
        prefetch["observations"] = Outcome("error", "too-costly");
        var (response, body) = await SampleRequests.PostAsync(client, Id, SampleRequests.PatientView("p02", prefetch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("TACE course: 3 sessions, last 2024-06-03; mRECIST PD on 2024-07-22", (string?)body!["cards"]![0]!["summary"]);

        // Inside a searchset too.
        prefetch["observations"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["entry"] = new JsonArray(new JsonObject { ["resource"] = Outcome("fatal", "exception") }) };
        (response, body) = await SampleRequests.PostAsync(client, Id, SampleRequests.PatientView("p02", prefetch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mRECIST PD", (string?)body!["cards"]![0]!["summary"]);
    }

    [Fact]
    public async Task An_operation_outcome_in_prefetch_with_nothing_to_fetch_from_is_412()
    {
        using var host = new ServiceHost();
        var prefetch = SampleRequests.FullPrefetch("p02");
        prefetch["procedures"] = Outcome("error", "forbidden");
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02", prefetch));
        OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.DataUnavailable, "prefetch.procedures");
    }

    [Fact]
    public async Task A_warning_outcome_inside_a_searchset_does_not_discard_the_data()
    {
        using var host = new ServiceHost();
        var prefetch = SampleRequests.FullPrefetch("p02");
        ((JsonArray)prefetch["observations"]!["entry"]!).Add(new JsonObject { ["resource"] = Outcome("warning", "informational"), ["search"] = new JsonObject { ["mode"] = "outcome" } });
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02", prefetch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mRECIST PD", (string?)body!["cards"]![0]!["summary"]);
    }

    [Fact]
    public async Task An_unknown_patient_in_the_local_data_is_412_CDS303()
    {
        using var host = ServiceHost.WithSamples();
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("nobody"));
        var outcome = OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.PatientUnknown, "context.patientId");
        Assert.Contains("patient: local data (patient not found)", (string?)outcome["issue"]![0]!["details"]!["text"]);
    }

    [Fact]
    public async Task Without_a_configured_day_the_evaluation_date_is_today_on_the_injected_clock()
    {
        using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:AsOf"] = "" }, time: new FixedTime(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")));
        var card = body!["cards"]![0]!;
        // As of 2024-06-01 the third session (2024-06-03) has not happened.
        Assert.Equal("TACE course: 2 sessions, last 2024-04-08; mRECIST SD on 2024-05-20", (string?)card["summary"]);
        Assert.StartsWith("Evaluated as of 2024-06-01.", (string?)card["detail"]);
    }

    internal static JsonObject Outcome(string severity, string code) => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = severity, ["code"] = code }),
    };
}

/// <summary>A clock stopped at one instant, in UTC.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
