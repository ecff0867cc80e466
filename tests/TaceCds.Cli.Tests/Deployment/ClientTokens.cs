using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TaceCds.Security.Tests;

namespace TaceCds.Cli.Tests.Deployment;

/// <summary>
/// One trusted client (ES384 key minted by jose) and a stock of tokens per audience URL, each handed out once (every
/// token has its own jti). <see cref="Environment"/> configures the service to trust the client.
/// </summary>
public sealed class ClientTokens
{
    public const string Issuer = "https://ehr.example.org/";
    private readonly Dictionary<string, ConcurrentQueue<string>> _stock = [];

    public ClientTokens(params (string Audience, int Count)[] audiences)
    {
        var now = DateTimeOffset.UtcNow;
        var requests = audiences.SelectMany(a => Enumerable.Range(0, a.Count)
            .Select(_ => (JsonNode)JoseMinter.Token("k1", JoseMinter.Claims(Issuer, a.Audience, now.AddSeconds(-5), now.AddMinutes(30))))).ToArray();
        var minted = JoseMinter.Mint(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject { ["kid"] = "k1", ["alg"] = "ES384" }),
            ["tokens"] = new JsonArray(requests),
        });
        var offset = 0;
        foreach (var (audience, count) in audiences)
        {
            _stock[audience] = new ConcurrentQueue<string>(minted.Tokens.Skip(offset).Take(count));
            offset += count;
        }
        Environment = new Dictionary<string, string>
        {
            ["TaceCds__Auth__Clients__0__Issuer"] = Issuer,
            ["TaceCds__Auth__Clients__0__Jwks"] = minted.JwksWith("k1"),
        };
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>A token for <paramref name="audience"/> not handed out before.</summary>
    public string Next(string audience) =>
        _stock[audience].TryDequeue(out var token) ? token : throw new InvalidOperationException($"no tokens left for {audience}");
}
