using System.Security.Cryptography;
using System.Text;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Board;

/// <summary>
/// Configuration of the card → board page links (section <c>TaceCds:Board</c>, docs/configuration.md "Board page links"):
/// whether patient-view cards carry them, the HMAC-SHA256 secret that signs their tokens, how long a token lives, and
/// the SMART launch URL for a <c>smart</c> link.
/// </summary>
public sealed record BoardLinkSettings
{
    public const string Section = ServiceSettings.Section + ":Board";
    /// <summary>Shortest secret accepted: the HMAC-SHA256 key size (RFC 2104 §3: shorter keys weaken the MAC).</summary>
    public const int MinSecretBytes = 32;
    /// <summary>Default and longest token lifetime: a link that leaks (history, screenshots, a forwarded URL) is soon useless.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    public bool Enabled { get; init; } = true;
    /// <summary>The signing key; null only when links are disabled.</summary>
    public byte[]? Secret { get; init; }
    /// <summary>True when no secret was configured and one was generated for this process (loopback only).</summary>
    public bool SecretIsEphemeral { get; init; }
    public TimeSpan Lifetime { get; init; } = MaxLifetime;
    /// <summary>When set, cards also carry a <c>smart</c> link to this launch URL with the patient id as <c>appContext</c>.</summary>
    public Uri? SmartLaunchUrl { get; init; }

    /// <summary>
    /// Reads the section; refuses (<see cref="StartupRefusedException"/>) a secret shorter than 32 bytes, a lifetime
    /// outside 1–15 minutes, and enabled links without a secret when the service listens off loopback. On loopback only
    /// (a developer's machine, tests) a missing secret is replaced by a random one that lives as long as the process.
    /// </summary>
    public static BoardLinkSettings From(IConfiguration configuration, ListenAddresses listen)
    {
        var s = configuration.GetSection(Section);
        var enabled = s.GetValue("LinksEnabled", true);
        var minutes = s.GetValue("LinkLifetimeMinutes", MaxLifetime.TotalMinutes);
        if (minutes <= 0 || minutes > MaxLifetime.TotalMinutes)
            throw new StartupRefusedException($"{Section}:LinkLifetimeMinutes must be more than 0 and at most {MaxLifetime.TotalMinutes:0} (minutes); it is {minutes}.");
        var smart = s["SmartLaunchUrl"] is { Length: > 0 } launch ? AbsoluteUrl(launch) : null;
        if (!enabled) return new BoardLinkSettings { Enabled = false, Lifetime = TimeSpan.FromMinutes(minutes), SmartLaunchUrl = smart };

        var configured = s["LinkSecret"];
        byte[] secret;
        var ephemeral = false;
        if (!string.IsNullOrEmpty(configured))
        {
            secret = Encoding.UTF8.GetBytes(configured);
            if (secret.Length < MinSecretBytes)
                throw new StartupRefusedException($"{Section}:LinkSecret is {secret.Length} bytes; board links need a secret of at least {MinSecretBytes} bytes " +
                    "(e.g. the output of `openssl rand -base64 48`).");
        }
        else if (listen.NonLoopback is { Count: > 0 } exposed)
        {
            throw new StartupRefusedException(
                $"board links are enabled but {Section}:LinkSecret is not set, and the service would listen on {exposed[0]}. Set it to a secret of at " +
                $"least {MinSecretBytes} bytes shared by every instance (e.g. TaceCds__Board__LinkSecret=$(openssl rand -base64 48)), " +
                $"or turn the links off with {Section}:LinksEnabled=false.");
        }
        else
        {
            secret = RandomNumberGenerator.GetBytes(MinSecretBytes);
            ephemeral = true;
        }
        return new BoardLinkSettings
        {
            Enabled = true, Secret = secret, SecretIsEphemeral = ephemeral, Lifetime = TimeSpan.FromMinutes(minutes), SmartLaunchUrl = smart,
        };
    }

    private static Uri AbsoluteUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new StartupRefusedException($"{Section}:SmartLaunchUrl must be an absolute http(s) URL.");
}
