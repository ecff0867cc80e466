using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TaceCds.Security;
using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Benchmarks;

/// <summary>
/// Per-request cost of client authentication (JWT verification, CDS Hooks 2.0.1 §Security) and of the store
/// writes a hook call and a feedback post make. Store numbers include fsync (SQLite synchronous=FULL; PostgreSQL
/// synchronous_commit=on) and so depend on the disk more than on the CPU.
/// </summary>
[MemoryDiagnoser]
public class TrustBenchmarks
{
    private const string Issuer = "https://ehr.example.org/";
    private const string Audience = "https://cds.example.org/cds-services/tace";
    private ClientJwtVerifier _verifier = null!;
    private string _es384 = "", _rs384 = "";
    private ICdsStore _sqlite = null!, _postgres = null!;
    private string _dir = "";
    private long _n;

    /// <summary>Accepts every jti, so one token can be verified repeatedly: this measures parsing + signature + claims.</summary>
    private sealed class NoReplayCheck : IJtiReplayCache
    {
        public Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken ct) => Task.FromResult(true);
    }

    // Synchronous on purpose: the in-process toolchain does not await an async setup.
    [GlobalSetup]
    public void Setup()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var ecp = ec.ExportParameters(false);
        var rsp = rsa.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new object[]
            {
                new { kty = "EC", crv = "P-384", kid = "ec", x = B64(ecp.Q.X!), y = B64(ecp.Q.Y!) },
                new { kty = "RSA", kid = "rsa", n = B64(rsp.Modulus!), e = B64(rsp.Exponent!) },
            },
        });
        _es384 = Sign("ES384", "ec", now, data => ec.SignData(data, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        _rs384 = Sign("RS384", "rsa", now, data => rsa.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1));
        _verifier = new ClientJwtVerifier(
            new JwtVerifierOptions { Clients = [new TrustedClient { Issuer = Issuer, InlineJwks = jwks }] },
            new NoReplayCheck());

        _dir = Path.Combine(Path.GetTempPath(), "tacecds-bench-" + Guid.NewGuid().ToString("N"));
        _sqlite = CdsStore.OpenAsync("sqlite:" + Path.Combine(_dir, "store.db"), TimeProvider.System).GetAwaiter().GetResult();
        _postgres = CdsStore.OpenAsync("postgres:" + (Environment.GetEnvironmentVariable("TACECDS_TEST_PG")
            ?? "Host=127.0.0.1;Port=54329;Database=tacecds;Username=tacecds;Password=tacecds"), TimeProvider.System).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _postgres.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark] public Task<JwtVerificationResult> VerifyEs384() => _verifier.VerifyAsync(_es384, Audience);
    [Benchmark] public Task<JwtVerificationResult> VerifyRs384() => _verifier.VerifyAsync(_rs384, Audience);

    [Benchmark] public Task<bool> ReplayCheckSqlite() => _sqlite.TryRememberAsync(Issuer, "bench-" + Interlocked.Increment(ref _n), DateTimeOffset.UtcNow.AddMinutes(5), default);
    [Benchmark] public Task<bool> ReplayCheckPostgres() => _postgres.TryRememberAsync(Issuer, "bench-" + Interlocked.Increment(ref _n), DateTimeOffset.UtcNow.AddMinutes(5), default);
    [Benchmark] public Task<FeedbackBatchResult> FeedbackSqlite() => _sqlite.SaveFeedbackAsync([Feedback()]);
    [Benchmark] public Task<FeedbackBatchResult> FeedbackPostgres() => _postgres.SaveFeedbackAsync([Feedback()]);
    [Benchmark] public Task<long> AuditCallSqlite() => _sqlite.RecordHookCallAsync(Call());
    [Benchmark] public Task<long> AuditCallPostgres() => _postgres.RecordHookCallAsync(Call());

    private FeedbackRecord Feedback() => new()
    {
        ServiceId = "bench", CardUuid = "card-" + Interlocked.Increment(ref _n), Outcome = FeedbackOutcome.Overridden,
        OutcomeTimestamp = DateTimeOffset.UtcNow, ReceivedAt = DateTimeOffset.UtcNow,
        OverrideReason = new OverrideReason(new Coding("https://tacecds.example/override-reason", "not-applicable", null), null),
    };

    private HookCallRecord Call() => new()
    {
        At = DateTimeOffset.UtcNow, ServiceId = "bench", Hook = "patient-view", HookInstance = Guid.NewGuid().ToString(),
        PatientId = "p1", HttpStatus = 200,
        Cards = [new AuditCard { Uuid = Guid.NewGuid().ToString(), RuleId = "cci", RuleVersion = "1.0.0", EvidenceReferences = ["Observation/1"] },
                 new AuditCard { Uuid = Guid.NewGuid().ToString(), RuleId = "albi", RuleVersion = "1.0.0", EvidenceReferences = ["Observation/2"] }],
    };

    private static string Sign(string alg, string kid, DateTimeOffset now, Func<byte[], byte[]> sign)
    {
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg, typ = "JWT", kid }));
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = Issuer, aud = Audience, iat = now.ToUnixTimeSeconds(), exp = now.AddMinutes(5).ToUnixTimeSeconds(), jti = Guid.NewGuid().ToString(),
        }));
        return $"{header}.{payload}.{B64(sign(Encoding.ASCII.GetBytes($"{header}.{payload}")))}";
    }

    private static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
