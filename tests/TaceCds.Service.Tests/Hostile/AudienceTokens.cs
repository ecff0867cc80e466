using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TaceCds.Security.Tests;
using TaceCds.Service.Tests.Trust;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// Tokens for the audience and algorithm probes, minted by jose in one node run: each is used once (the replay cache
/// would refuse a second use). <see cref="Port"/> is a free loopback port for the probe that runs Kestrel.
/// </summary>
public sealed class AudienceTokens
{
    public const string Evil = "http://evil.example";
    public const string Path = "/cds-services/tace-course-review";

    private readonly Dictionary<string, string> _tokens = [];
    internal JoseMinter.Result Minted { get; }
    public int Port { get; } = FreePort();

    public AudienceTokens()
    {
        var keys = new JsonArray(new JsonObject { ["kid"] = "es384", ["alg"] = "ES384" }, new JsonObject { ["kid"] = "rs384", ["alg"] = "RS384" });
        var requests = new List<(string, JsonObject)>
        {
            ("evil-host", Token("es384", Evil + Path)),
            ("evil-forwarded", Token("es384", Evil + Path)),
            ("evil-behind-proxy", Token("es384", Evil + Path)),
            ("public-forged-host", Token("es384", AuthTokens.ServiceUrl)),
            ("loopback-ip", Token("es384", $"http://127.0.0.1:{Port}{Path}")),
            ("loopback-name", Token("es384", $"http://localhost:{Port}{Path}")),
            ("loopback-evil", Token("es384", Evil + Path)),
            ("loopback-evil-port", Token("es384", $"http://evil.example:{Port}{Path}")),
            ("alg-rs384", Token("rs384", AuthTokens.ServiceUrl)),
            ("alg-es384", Token("es384", AuthTokens.ServiceUrl)),
        };
        Minted = JoseMinter.Mint(new JsonObject { ["keys"] = keys, ["tokens"] = new JsonArray(requests.Select(r => (JsonNode)r.Item2).ToArray()) });
        for (var i = 0; i < requests.Count; i++) _tokens[requests[i].Item1] = Minted.Tokens[i];
    }

    public string this[string name] => _tokens[name];

    /// <summary>Auth on, the ES384 and RS384 keys trusted inline; no PublicBaseUrl unless the test adds it.</summary>
    public Dictionary<string, string?> Settings(string store) => new()
    {
        ["TaceCds:Store"] = store,
        ["TaceCds:Auth:Enabled"] = "true",
        ["TaceCds:Auth:Clients:0:Issuer"] = AuthTokens.Issuer,
        ["TaceCds:Auth:Clients:0:Jwks"] = Minted.JwksWith("es384", "rs384"),
    };

    private static JsonObject Token(string kid, string aud) =>
        JoseMinter.Token(kid, JoseMinter.Claims(AuthTokens.Issuer, aud, AuthTokens.Now.AddSeconds(-5), AuthTokens.Now.AddMinutes(5)));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
