using System.Text.Json.Nodes;
using TaceCds.Security.Tests;

namespace TaceCds.Service.Tests.Trust;

/// <summary>The tokens of the service-level auth tests, minted by jose in one node run (class fixture).</summary>
public sealed class AuthTokens
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public const string Issuer = "https://ehr.example.org/";
    public const string PublicBase = "https://cds.example.org";
    public const string ServiceUrl = PublicBase + "/cds-services/tace-course-review";
    public const string DiscoveryUrl = PublicBase + "/cds-services";
    public const string FeedbackUrl = ServiceUrl + "/feedback";
    public const string BoardUrl = PublicBase + "/board/p02";

    private readonly Dictionary<string, string> _tokens = [];
    internal JoseMinter.Result Minted { get; }

    public AuthTokens()
    {
        var keys = new JsonArray(
            new JsonObject { ["kid"] = "es384", ["alg"] = "ES384" },
            new JsonObject { ["kid"] = "rs384", ["alg"] = "RS384" },
            new JsonObject { ["kid"] = "rogue", ["alg"] = "ES384" });
        var requests = new List<(string, JsonObject)>
        {
            ("es384", JoseMinter.Token("es384", Claims(ServiceUrl))),
            ("rs384", JoseMinter.Token("rs384", Claims(ServiceUrl))),
            ("discovery", JoseMinter.Token("es384", Claims(DiscoveryUrl))),
            ("board", JoseMinter.Token("es384", Claims(BoardUrl))),
            ("feedback", JoseMinter.Token("es384", Claims(FeedbackUrl))),
            ("replayed", JoseMinter.Token("es384", Claims(ServiceUrl))),
            ("shared-replay", JoseMinter.Token("rs384", Claims(ServiceUrl))),
            ("expired", JoseMinter.Token("es384", Claims(ServiceUrl, Now.AddMinutes(-10), Now.AddMinutes(-5)))),
            ("not-yet-valid", JoseMinter.Token("es384", With(Claims(ServiceUrl), "nbf", JoseMinter.Seconds(Now.AddMinutes(5))))),
            ("wrong-aud", JoseMinter.Token("es384", Claims(DiscoveryUrl))),
            ("local-aud", JoseMinter.Token("es384", Claims("http://localhost/cds-services/tace-course-review"))),
            ("unknown-iss", JoseMinter.Token("es384", With(Claims(ServiceUrl), "iss", "https://unknown.example/"))),
            ("jku-not-allowed", JoseMinter.Token("es384", Claims(ServiceUrl), header: new JsonObject { ["jku"] = "https://attacker.example/jwks" })),
            ("unknown-kid", JoseMinter.Token("rogue", Claims(ServiceUrl))),
            ("alg-none", JoseMinter.Token("es384", Claims(ServiceUrl), mode: "none")),
            ("hs256-public-key", JoseMinter.Token("es384", Claims(ServiceUrl), mode: "hmac-public-key")),
            ("oversized", JoseMinter.Token("es384", With(Claims(ServiceUrl), "pad", new string('x', 9000)))),
            ("tamper-base", JoseMinter.Token("es384", Claims(ServiceUrl))),
        };
        Minted = JoseMinter.Mint(new JsonObject { ["keys"] = keys, ["tokens"] = new JsonArray(requests.Select(r => (JsonNode)r.Item2).ToArray()) });
        for (var i = 0; i < requests.Count; i++) _tokens[requests[i].Item1] = Minted.Tokens[i];
        // Tampered: the payload of one token with the signature of another (both valid alone).
        var a = _tokens["tamper-base"].Split('.');
        var b = _tokens["es384"].Split('.');
        _tokens["tampered"] = $"{a[0]}.{b[1]}.{a[2]}";
    }

    public string this[string name] => _tokens[name];
    public IEnumerable<string> All => _tokens.Values;

    /// <summary>Settings trusting the ES384 and RS384 keys inline (not "rogue").</summary>
    public Dictionary<string, string?> Settings(string store) => new()
    {
        ["TaceCds:Store"] = store,
        ["TaceCds:PublicBaseUrl"] = PublicBase,
        ["TaceCds:Auth:Enabled"] = "true",
        ["TaceCds:Auth:Clients:0:Issuer"] = Issuer,
        ["TaceCds:Auth:Clients:0:Jwks"] = Minted.JwksWith("es384", "rs384"),
    };

    private static JsonObject Claims(string aud, DateTimeOffset? iat = null, DateTimeOffset? exp = null) =>
        JoseMinter.Claims(Issuer, aud, iat ?? Now.AddSeconds(-5), exp ?? Now.AddMinutes(5));

    private static JsonObject With(JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }
}
