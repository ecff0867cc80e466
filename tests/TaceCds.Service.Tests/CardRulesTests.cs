using System.Net;
using System.Text.Json.Nodes;
using TaceCds.Service.Cards;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>Every answer the service gives for every sample patient on every hook, with the bundled rule packs, satisfies the card rules.</summary>
public sealed class CardRulesTests : IClassFixture<RulePackCardsTests.Host>
{
    private readonly HttpClient _client;

    public CardRulesTests(RulePackCardsTests.Host fixture) => _client = fixture.Service.CreateClient();

    public static TheoryData<string> Patients => new(SampleRequests.PatientIds);

    [Theory]
    [MemberData(nameof(Patients))]
    public async Task Every_hook_answers_every_sample_patient_with_valid_cards(string patientId)
    {
        var calls = new (string Service, JsonObject Request)[]
        {
            (ServiceCatalog.CourseReviewId, SampleRequests.PatientView(patientId, SampleRequests.FullPrefetch(patientId))),
            (ServiceCatalog.CourseReviewId, SampleRequests.PatientView(patientId)),
            (ServiceCatalog.OrderCheckId, SampleRequests.Order(HookDefinitions.OrderSelect, patientId, SampleRequests.FullPrefetch(patientId))),
            (ServiceCatalog.OrderCheckId, SampleRequests.Order(HookDefinitions.OrderSign, patientId)),
        };
        foreach (var (service, request) in calls)
        {
            var (response, body) = await SampleRequests.PostAsync(_client, service, request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
            var cards = body!["cards"]!.AsArray();
            Assert.NotEmpty(cards); // every sample has a course to summarise or a TACE order to judge
            Assert.All(cards, c => Assert.True(((string)c!["summary"]!).Length < 140));
        }
    }

    [Fact]
    public void The_validator_catches_each_rule()
    {
        JsonObject Card() => new()
        {
            ["uuid"] = "u1", ["summary"] = "s", ["indicator"] = "info",
            ["source"] = new JsonObject { ["label"] = "l", ["url"] = "https://example.org", ["topic"] = new JsonObject { ["system"] = "https://example.org/t", ["code"] = "c" } },
        };
        IReadOnlyList<CardRuleViolation> Check(Action<JsonObject> breakIt)
        {
            var card = Card();
            breakIt(card);
            return CdsResponseValidator.Validate(new JsonObject { ["cards"] = new JsonArray(card) }, serviceConventions: true);
        }

        Assert.Empty(Check(_ => { }));
        Assert.Single(Check(c => c["summary"] = new string('a', 140)));
        Assert.Single(Check(c => c["indicator"] = "hard-stop"));
        Assert.Single(Check(c => c.Remove("uuid")));
        Assert.Single(Check(c => c["source"]!.AsObject().Remove("url")));
        Assert.NotEmpty(Check(c => c["detail"] = null));
        Assert.NotEmpty(Check(c => c["links"] = new JsonArray()));
        Assert.Single(Check(c => c["links"] = new JsonArray(new JsonObject { ["label"] = "l", ["url"] = "https://x.org", ["type"] = "absolute", ["appContext"] = "a" })));
        Assert.Single(Check(c => c["overrideReasons"] = new JsonArray(new JsonObject { ["code"] = "c", ["system"] = "https://s.org" })));
        Assert.Single(Check(c => c["suggestions"] = new JsonArray(new JsonObject { ["label"] = "x", ["uuid"] = "u2" })));
        Assert.Single(Check(c =>
        {
            c["selectionBehavior"] = "at-most-one";
            c["suggestions"] = new JsonArray(new JsonObject { ["label"] = "x", ["uuid"] = "u2", ["actions"] = new JsonArray(new JsonObject { ["type"] = "DELETE", ["description"] = "d", ["resourceId"] = "ServiceRequest/1" }) });
        }));
        Assert.Single(Check(c =>
        {
            c["selectionBehavior"] = "at-most-one";
            c["suggestions"] = new JsonArray(new JsonObject { ["label"] = "x", ["uuid"] = "u2", ["actions"] = new JsonArray(new JsonObject { ["type"] = "create", ["description"] = "d", ["resource"] = "{\"resourceType\":\"Task\"}" }) });
        }));
        Assert.NotEmpty(CdsResponseValidator.Validate(new JsonObject(), serviceConventions: false));
        Assert.Empty(CdsResponseValidator.Validate(new JsonObject { ["cards"] = new JsonArray() }, serviceConventions: false));
    }
}
