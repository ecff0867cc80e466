namespace TaceCds.Service.Cards;

/// <summary>
/// Where the uuids of card and suggestion instances come from. CDS Hooks feedback names a card by its uuid, so each
/// response gets fresh ones (<see cref="RandomCardUuids"/>); tests inject a predictable source instead.
/// </summary>
public interface ICardUuidSource
{
    string Next();
}

/// <summary>
/// Random (version 4) uuids from the operating system's cryptographic generator: never derived from the patient, the
/// rule or the day, so neither guessable nor repeated across calls (a repeated uuid made one override count once per
/// audited call, issue 15).
/// </summary>
public sealed class RandomCardUuids : ICardUuidSource
{
    public string Next() => Guid.NewGuid().ToString();
}
