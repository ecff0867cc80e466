using System.Text.Json.Nodes;

namespace TaceCds.Security.Tests;

/// <summary>
/// Every token the verifier tests need, minted by jose in ONE node run (class fixture). Times are relative to
/// <see cref="Now"/>, a fixed instant the verifier's clock is set to.
/// </summary>
public sealed class JoseTokens
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public const string Issuer = "https://ehr.example.org/";
    public const string Audience = "https://cds.example.org/cds-services/tace-eligibility";
    public static readonly Uri JwksUrl = new("https://ehr.example.org/.well-known/jwks.json");
    public static readonly Uri OtherJwksUrl = new("https://attacker.example.net/jwks.json");

    private readonly Dictionary<string, string> _tokens = [];
    internal JoseMinter.Result Minted { get; }

    public JoseTokens()
    {
        var keys = new JsonArray();
        foreach (var (kid, alg) in new[]
                 {
                     ("es384", "ES384"), ("rs384", "RS384"), ("es256", "ES256"), ("es512", "ES512"),
                     ("rs256", "RS256"), ("ps384", "PS384"), ("rogue", "ES384"),
                 })
            keys.Add(new JsonObject { ["kid"] = kid, ["alg"] = alg });

        var jku = new JsonObject { ["jku"] = JwksUrl.AbsoluteUri };
        var requests = new (string Name, JsonObject Request)[]
        {
            ("valid-es384", JoseMinter.Token("es384", Claims())),
            ("valid-rs384", JoseMinter.Token("rs384", Claims())),
            ("valid-es256", JoseMinter.Token("es256", Claims())),
            ("valid-es512", JoseMinter.Token("es512", Claims())),
            ("valid-rs256", JoseMinter.Token("rs256", Claims())),
            ("valid-ps384", JoseMinter.Token("ps384", Claims())),
            ("valid-jku", JoseMinter.Token("es384", Claims(), header: jku)),
            ("valid-aud-array", JoseMinter.Token("es384", With(Claims(), "aud", new JsonArray("https://other.example/x", Audience)))),
            ("valid-tenant", JoseMinter.Token("es384", With(Claims(), "tenant", "hospital-a"))),
            ("valid-skewed", JoseMinter.Token("es384", Claims(iat: Now.AddSeconds(30), exp: Now.AddSeconds(-30)))),
            ("expired", JoseMinter.Token("es384", Claims(iat: Now.AddMinutes(-10), exp: Now.AddMinutes(-5)))),
            ("not-yet-valid", JoseMinter.Token("es384", With(Claims(), "nbf", JoseMinter.Seconds(Now.AddMinutes(5))))),
            ("iat-future", JoseMinter.Token("es384", Claims(iat: Now.AddMinutes(5), exp: Now.AddMinutes(9)))),
            ("too-long-lived", JoseMinter.Token("es384", Claims(iat: Now, exp: Now.AddHours(3)))),
            ("wrong-aud", JoseMinter.Token("es384", With(Claims(), "aud", "https://cds.example.org/cds-services/other"))),
            ("aud-base-only", JoseMinter.Token("es384", With(Claims(), "aud", "https://cds.example.org/cds-services"))),
            ("unknown-iss", JoseMinter.Token("es384", With(Claims(), "iss", "https://unknown.example.org/"))),
            ("jku-not-allowed", JoseMinter.Token("es384", Claims(), header: new JsonObject { ["jku"] = OtherJwksUrl.AbsoluteUri })),
            ("unknown-kid", JoseMinter.Token("rogue", Claims())),
            ("alg-none", JoseMinter.Token("es384", Claims(), mode: "none")),
            ("hs256-public-key", JoseMinter.Token("es384", Claims(), mode: "hmac-public-key")),
            ("hs256-public-key-rsa", JoseMinter.Token("rs384", Claims(), mode: "hmac-public-key")),
            ("no-kid", JoseMinter.Token("es384", Claims(), omit: ["kid"])),
            ("no-typ", JoseMinter.Token("es384", Claims(), omit: ["typ"])),
            ("typ-at-jwt", JoseMinter.Token("es384", Claims(), header: new JsonObject { ["typ"] = "at+jwt" })),
            ("crit", JoseMinter.Token("es384", Claims(), header: new JsonObject { ["crit"] = new JsonArray("exp"), ["exp"] = 1 })),
            ("no-jti", JoseMinter.Token("es384", Without(Claims(), "jti"))),
            ("no-exp", JoseMinter.Token("es384", Without(Claims(), "exp"))),
            ("no-aud", JoseMinter.Token("es384", Without(Claims(), "aud"))),
            ("oversized", JoseMinter.Token("es384", With(Claims(), "pad", new string('x', 9000)))),
            ("wrong-tenant", JoseMinter.Token("es384", With(Claims(), "tenant", "hospital-b"))),
        };
        var tokens = new JsonArray(requests.Select(r => (JsonNode)r.Request).ToArray());
        Minted = JoseMinter.Mint(new JsonObject { ["keys"] = keys, ["tokens"] = tokens });
        for (var i = 0; i < requests.Length; i++) _tokens[requests[i].Name] = Minted.Tokens[i];
    }

    public string this[string name] => _tokens[name];

    /// <summary>The public keys the client publishes: everything but "rogue".</summary>
    public string PublishedJwks => Minted.JwksWith("es384", "rs384", "es256", "es512", "rs256", "ps384");

    private static JsonObject Claims(DateTimeOffset? iat = null, DateTimeOffset? exp = null) =>
        JoseMinter.Claims(Issuer, Audience, iat ?? Now.AddSeconds(-5), exp ?? Now.AddMinutes(5));

    private static JsonObject With(JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }

    private static JsonObject Without(JsonObject o, string name)
    {
        o.Remove(name);
        return o;
    }
}
