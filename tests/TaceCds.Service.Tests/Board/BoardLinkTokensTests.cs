using System.Text;
using TaceCds.Service.Board;
using TaceCds.Service.Tests.Trust;

namespace TaceCds.Service.Tests.Board;

/// <summary>The link token itself: bound to one patient, valid until its expiry, unforgeable without the key.</summary>
public sealed class BoardLinkTokensTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SettableClock _clock = new(Noon);

    private BoardLinkTokens Tokens(string secret = "0123456789abcdef0123456789abcdef", int minutes = 15) =>
        new(new BoardLinkSettings { Secret = Encoding.UTF8.GetBytes(secret), Lifetime = TimeSpan.FromMinutes(minutes) }, _clock);

    [Fact]
    public void A_token_issued_at_12_00_for_p02_is_valid_for_p02_until_12_15_and_expired_from_then()
    {
        var tokens = Tokens();
        var token = tokens.Issue("p02");
        _clock.Now = Noon.AddMinutes(15).AddSeconds(-1);
        Assert.Equal(BoardLinkVerdict.Valid, tokens.Verify("p02", token).Verdict);
        _clock.Now = Noon.AddMinutes(15);
        Assert.Equal(BoardLinkVerdict.Expired, tokens.Verify("p02", token).Verdict);
    }

    [Fact]
    public void A_token_for_p02_is_for_another_patient_when_p03_or_p0_or_P02_asks()
    {
        var tokens = Tokens();
        var token = tokens.Issue("p02");
        Assert.All(new[] { "p03", "p0", "P02", "p02.1" }, other => Assert.Equal(BoardLinkVerdict.OtherPatient, tokens.Verify(other, token).Verdict));
    }

    [Fact]
    public void Two_tokens_for_the_same_patient_and_moment_differ_and_carry_different_ids()
    {
        var tokens = Tokens();
        var (a, b) = (tokens.Issue("p02"), tokens.Issue("p02"));
        Assert.NotEqual(a, b);
        Assert.NotEqual(tokens.Verify("p02", a).TokenId, tokens.Verify("p02", b).TokenId);
    }

    [Fact]
    public void A_token_of_another_key_is_invalid_and_names_no_token_id()
    {
        var foreign = Tokens(secret: "another-secret-of-thirty-two-bytes!").Issue("p02");
        var check = Tokens().Verify("p02", foreign);
        Assert.Equal((BoardLinkVerdict.Invalid, (string?)null), (check.Verdict, check.TokenId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("!!.??")]
    public void Malformed_tokens_are_invalid(string? token) =>
        Assert.Equal(BoardLinkVerdict.Invalid, Tokens().Verify("p02", token).Verdict);

    [Fact]
    public void The_token_does_not_hold_the_secret()
    {
        const string secret = "0123456789abcdef0123456789abcdef";
        var token = Tokens(secret).Issue("p02");
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0]));
        Assert.DoesNotContain(secret, payload + token);
        Assert.StartsWith("v1|p02|", payload);
    }
}
