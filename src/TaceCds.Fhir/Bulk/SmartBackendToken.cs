using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Fhir.Client;

namespace TaceCds.Fhir.Bulk;

/// <summary>
/// SMART Backend Services (https://hl7.org/fhir/smart-app-launch/backend-services.html): a <c>client_credentials</c>
/// grant authenticated by a <c>private_key_jwt</c> assertion (RFC 7523) signed with the client's private key — RS384
/// for an RSA key, ES384 for a P-384 EC key, the two algorithms the specification requires servers to support — read
/// from a PEM file. The access token is kept until a minute before it expires. The assertion lives 5 minutes (the
/// specification's maximum) and has a fresh <c>jti</c>.
/// </summary>
public sealed class SmartBackendToken : BulkTokenSource, IDisposable
{
    private readonly Uri _tokenUrl;
    private readonly string _clientId;
    private readonly string _scope;
    private readonly string? _keyId;
    private readonly AsymmetricAlgorithm _key;
    private readonly AddressPolicy _network;
    private readonly TimeProvider _time;
    private string? _token;
    private DateTimeOffset _expires;

    public SmartBackendToken(Uri tokenUrl, string clientId, string privateKeyPemFile, string scope = "system/*.read", string? keyId = null,
        AddressPolicy? network = null, TimeProvider? time = null)
    {
        _tokenUrl = tokenUrl;
        _clientId = clientId;
        _scope = scope;
        _keyId = keyId;
        _network = network ?? AddressPolicy.Operator;
        _time = time ?? TimeProvider.System;
        var pem = File.ReadAllText(privateKeyPemFile);
        _key = pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || IsEc(pem) ? LoadEc(pem) : LoadRsa(pem);
    }

    public string Algorithm => _key is ECDsa ? "ES384" : "RS384";

    public override async Task<string?> GetAsync(HttpClient http, CancellationToken ct)
    {
        if (_token is not null && _time.GetUtcNow() < _expires) return _token;
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = _scope,
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ["client_assertion"] = Assertion(),
            }),
        };
        request.Options.Set(AddressPolicy.OptionKey, _network);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new BulkExportException(BulkExportErrorCodes.TokenRefused, $"POST {_tokenUrl.AbsolutePath}: the token endpoint answered {(int)response.StatusCode}");
        JsonObject? body;
        try { body = await response.Content.ReadFromJsonAsync<JsonObject>(ct).ConfigureAwait(false); }
        catch (JsonException) { body = null; }
        if (body?["access_token"]?.GetValue<string>() is not { Length: > 0 } token)
            throw new BulkExportException(BulkExportErrorCodes.TokenRefused, $"POST {_tokenUrl.AbsolutePath}: no access_token in the answer");
        var lifetime = body["expires_in"] is JsonValue v && v.TryGetValue<int>(out var seconds) ? seconds : 300;
        _token = token;
        _expires = _time.GetUtcNow().AddSeconds(Math.Max(0, lifetime - 60));
        return _token;
    }

    /// <summary>The signed client assertion: iss = sub = client id, aud = token URL, exp ≤ 5 minutes, a unique jti.</summary>
    public string Assertion()
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = "JWT" };
        if (_keyId is not null) header["kid"] = _keyId;
        var payload = new JsonObject
        {
            ["iss"] = _clientId,
            ["sub"] = _clientId,
            ["aud"] = _tokenUrl.AbsoluteUri,
            ["exp"] = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var signingInput = Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var data = Encoding.ASCII.GetBytes(signingInput);
        // ECDsa.SignData gives r||s (IEEE P1363), the form JWS wants (RFC 7518 §3.4).
        var signature = _key is ECDsa ec
            ? ec.SignData(data, HashAlgorithmName.SHA384)
            : ((RSA)_key).SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Encode(signature);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsEc(string pem)
    {
        using var ec = ECDsa.Create();
        try { ec.ImportFromPem(pem); return true; }
        catch (CryptographicException) { return false; }
        catch (ArgumentException) { return false; }
    }

    private static ECDsa LoadEc(string pem)
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return ec;
    }

    private static RSA LoadRsa(string pem)
    {
        var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); }
        catch (ArgumentException ex) { throw new BulkExportException(BulkExportErrorCodes.TokenRefused, "the private key file holds no RSA or EC private key in PEM", ex); }
        return rsa;
    }

    public void Dispose() => _key.Dispose();
}
