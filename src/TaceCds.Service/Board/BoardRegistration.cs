using TaceCds.Service.Hosting;

namespace TaceCds.Service.Board;

/// <summary>Registers the board page link tokens and checks their configuration at start-up.</summary>
public static class BoardRegistration
{
    public static IServiceCollection AddBoardLinks(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return BoardLinkSettings.From(configuration, ListenAddresses.Resolve(configuration));
        });
        services.AddSingleton<BoardLinkTokens>();
        services.AddSingleton<BoardCardLinks>();
        services.AddSingleton<BoardLinkAccess>();
        return services;
    }

    /// <summary>Reads the settings now (a refused configuration stops start-up) and says when links die with the process.</summary>
    public static void CheckAtStartup(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<BoardLinkSettings>();
        if (settings.SecretIsEphemeral)
            app.Logger.LogWarning("{Key} is not set: board page links are signed with a random key of this process; they stop working at restart " +
                                  "and on other instances. Set it (at least {Bytes} bytes) for real use", BoardLinkSettings.Section + ":LinkSecret", BoardLinkSettings.MinSecretBytes);
    }
}
