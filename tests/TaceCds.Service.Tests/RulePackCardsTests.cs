using System.Net;
using System.Text.Json.Nodes;
using TaceCds.Service.Cards;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>The bundled rule packs through the service, as <c>tacecds serve</c> runs them.</summary>
public sealed class RulePackCardsTests : IClassFixture<RulePackCardsTests.Host>
{
    public sealed class Host : IDisposable
    {
        public ServiceHost Service { get; } = ServiceHost.WithRulePacks();
        public void Dispose() => Service.Dispose();
    }

    private readonly HttpClient _client;

    public RulePackCardsTests(Host host) => _client = host.Service.CreateClient();

    [Fact]
    public async Task Patient_view_of_a_refractory_course_carries_the_CCI_critical_card_with_its_citation()
    {
        // As of 2024-08-01, before p02 switched to atezolizumab + bevacizumab (2024-08-12): the CCI result is current.
        using var host = StopTaceDecisionTests.RulePacksAsOf("2024-08-01");
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cci = body!["cards"]!.AsArray().Single(c => c!["summary"]!.GetValue<string>().Contains("CCI", StringComparison.Ordinal))!;
        Assert.Equal("critical", cci["indicator"]!.GetValue<string>());
        Assert.True(cci["summary"]!.GetValue<string>().Length < 140);
        Assert.False(string.IsNullOrEmpty(cci["source"]!["label"]!.GetValue<string>()));
        // The CCI 2022 consensus has no verified PubMed/DOI link (docs/citations.md): the card says so instead of linking a search.
        Assert.Null(cci["source"]!["url"]);
        Assert.Contains("Source: Chinese College of Interventionalists. Expert consensus on TACE refractoriness. J Interv Radiol 2022;31(11):1039-1044", cci["detail"]!.GetValue<string>());
        Assert.EndsWith("(no verified link).", cci["detail"]!.GetValue<string>());
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
    }

    [Theory]
    [InlineData("order-select")]
    [InlineData("order-sign")]
    public async Task A_TACE_order_for_a_CCI_refractory_patient_gets_a_critical_card_deleting_the_order(string hook)
    {
        var (response, body) = await SampleRequests.PostAsync(_client, ServiceCatalog.OrderCheckId, SampleRequests.Order(hook, "p02", SampleRequests.FullPrefetch("p02")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("critical", card["indicator"]!.GetValue<string>());
        Assert.Contains("CCI", card["summary"]!.GetValue<string>());
        var actions = card["suggestions"]!.AsArray().SelectMany(s => s!["actions"]!.AsArray()).ToList();
        Assert.Contains(actions, a => a!["type"]!.GetValue<string>() == "delete" && a["resourceId"]!.GetValue<string>() == "ServiceRequest/draft-tace-1");
        Assert.Equal("at-most-one", card["selectionBehavior"]!.GetValue<string>());
        Assert.All(card["overrideReasons"]!.AsArray(), r => Assert.False(string.IsNullOrEmpty(r!["display"]!.GetValue<string>())));
    }

    public static TheoryData<string> Patients => new(SampleRequests.PatientIds);

    /// <summary>The service never drops a card the engine produced: a card it cannot send is a defect, not a filter.</summary>
    [Theory]
    [MemberData(nameof(Patients))]
    public async Task Patient_view_returns_every_engine_card_plus_the_course_summary(string patientId)
    {
        var engineCards = TaceCds.Rules.Pipeline.PatientPipeline.Load()
            .Evaluate(TaceCds.Clinical.Evaluation.RecordInput.FromBundleFile(Path.Combine(SampleRequests.SamplesFolder, patientId + ".json")).Single(), new DateOnly(2025, 6, 1))["cards"]!.AsArray();

        var (_, body) = await SampleRequests.PostAsync(_client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView(patientId, SampleRequests.FullPrefetch(patientId)));

        var summaries = body!["cards"]!.AsArray().Select(c => c!["summary"]!.GetValue<string>()).ToList();
        Assert.Equal(engineCards.Count + 1, summaries.Count);
        Assert.All(engineCards, c => Assert.Contains(c!["summary"]!.GetValue<string>(), summaries));
    }

    [Fact]
    public async Task A_TACE_order_for_a_responder_gets_no_critical_card()
    {
        var (_, body) = await SampleRequests.PostAsync(_client, ServiceCatalog.OrderCheckId, SampleRequests.Order("order-select", "p01", SampleRequests.FullPrefetch("p01")));

        Assert.DoesNotContain(body!["cards"]!.AsArray(), c => c!["indicator"]!.GetValue<string>() == "critical");
    }
}
