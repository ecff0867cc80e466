using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Security.Tests;

/// <summary>
/// Runs tools/jwt/mint.js (jose from npm, independent of the code under test) once with a batch of requests.
/// tools/install/npm.sh installs jose; if it is missing the tests fail with that instruction.
/// </summary>
internal static class JoseMinter
{
    public sealed record Result(JsonObject Jwks, IReadOnlyList<string> Tokens)
    {
        /// <summary>The public JWK Set restricted to some kids (to make a kid unknown to the verifier).</summary>
        public string JwksWith(params string[] kids)
        {
            var keys = new JsonArray();
            foreach (var key in Jwks["keys"]!.AsArray())
                if (kids.Contains((string?)key!["kid"])) keys.Add(key.DeepClone());
            return new JsonObject { ["keys"] = keys }.ToJsonString();
        }
    }

    public static Result Mint(JsonObject request)
    {
        var script = RepoPaths.InRepo("tools", "jwt", "mint.js");
        if (!Directory.Exists(RepoPaths.InRepo("tools", "node_modules", "jose")))
            throw new InvalidOperationException("jose is not installed: run tools/install/npm.sh (./test.sh does)");
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = RepoPaths.InRepo("tools"),
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("mint.js did not finish in 60 s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException("mint.js failed: " + stderr.Result);
        var answer = JsonNode.Parse(stdout.Result)!.AsObject();
        var tokens = answer["tokens"]!.AsArray().Select(t => (string)t!).ToList();
        return new Result(answer["jwks"]!.AsObject(), tokens);
    }

    public static long Seconds(DateTimeOffset t) => t.ToUnixTimeSeconds();

    public static JsonObject Claims(string iss, string aud, DateTimeOffset iat, DateTimeOffset exp, string? jti = null) => new()
    {
        ["iss"] = iss, ["aud"] = aud, ["iat"] = Seconds(iat), ["exp"] = Seconds(exp),
        ["jti"] = jti ?? Guid.NewGuid().ToString(),
    };

    public static JsonObject Token(string kid, JsonObject payload, JsonObject? header = null, string? alg = null, string? mode = null, string[]? omit = null)
    {
        var t = new JsonObject { ["kid"] = kid, ["payload"] = payload };
        if (header is not null) t["header"] = header;
        if (alg is not null) t["alg"] = alg;
        if (mode is not null) t["mode"] = mode;
        if (omit is not null) t["omit"] = new JsonArray(omit.Select(o => (JsonNode)o).ToArray());
        return t;
    }

    public static string ToJson(object o) => JsonSerializer.Serialize(o);
}
