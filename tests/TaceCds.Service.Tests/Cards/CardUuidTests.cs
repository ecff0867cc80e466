using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaceCds.Service.Cards;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests.Cards;

/// <summary>
/// Issue 15: card uuids identify the card instance of one response (CDS Hooks: feedback names it), so every response
/// has fresh ones; the rule behind a card keeps its stable identity in <c>source.topic</c>.
/// </summary>
public sealed class CardUuidTests
{
    private static List<JsonObject> Cards(JsonNode? body) => body!["cards"]!.AsArray().OfType<JsonObject>().ToList();

    private static IEnumerable<string> Uuids(JsonObject card) =>
        new[] { (string)card["uuid"]! }.Concat((card["suggestions"]?.AsArray() ?? []).Select(s => (string)s!["uuid"]!));

    [Fact]
    public async Task Two_patient_view_calls_for_p02_carry_the_same_rule_topics_under_entirely_new_card_uuids()
    {
        using var host = ServiceHost.WithRulePacks();
        var client = host.CreateClient();
        var (_, first) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02"));
        var (_, second) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02"));

        Assert.True(Cards(first).Count >= 2, "p02 should get rule cards and the course summary");
        Assert.Equal(Cards(first).Select(c => (string)c["source"]!["topic"]!["code"]!), Cards(second).Select(c => (string)c["source"]!["topic"]!["code"]!));
        var firstUuids = Cards(first).SelectMany(Uuids).ToList();
        var secondUuids = Cards(second).SelectMany(Uuids).ToList();
        Assert.Equal(firstUuids.Count, firstUuids.Distinct().Count());
        Assert.Empty(firstUuids.Intersect(secondUuids));
        Assert.All(firstUuids.Concat(secondUuids), u => Assert.Equal(4, Guid.Parse(u).Version));
    }

    [Fact]
    public async Task Card_and_suggestion_uuids_come_from_the_injected_source_in_card_order()
    {
        using var factory = ServiceHost.WithRulePacks();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<ICardUuidSource>();
            services.AddSingleton<ICardUuidSource>(new CountingUuids());
        }));
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), "tace-order-check", SampleRequests.Order(HookDefinitions.OrderSign, "p14", SampleRequests.FullPrefetch("p14")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(Cards(body));
        // The card first, then its two suggestions (remove the order; refer to the tumor board).
        Assert.Equal(["uuid-1", "uuid-2", "uuid-3"], Uuids(card));
    }

    [Fact]
    public void Stamping_replaces_the_deterministic_uuids_of_the_evaluation_result_and_keeps_everything_else()
    {
        var card = new JsonObject
        {
            ["uuid"] = "5f0c8a1e-0000-5000-8000-000000000001", ["summary"] = "s", ["indicator"] = "info",
            ["source"] = new JsonObject { ["label"] = "TaceCds", ["topic"] = new JsonObject { ["code"] = "cci-2022" } },
            ["suggestions"] = new JsonArray(new JsonObject { ["label"] = "x", ["uuid"] = "5f0c8a1e-0000-5000-8000-000000000002" }),
        };
        var stamped = Assert.Single(CardInstances.Stamp([card], new CountingUuids()))!;
        Assert.Equal(("uuid-1", "uuid-2", "cci-2022"), ((string)stamped["uuid"]!, (string)stamped["suggestions"]![0]!["uuid"]!, (string)stamped["source"]!["topic"]!["code"]!));
    }

    private sealed class CountingUuids : ICardUuidSource
    {
        private int _n;
        public string Next() => $"uuid-{Interlocked.Increment(ref _n)}";
    }
}
