namespace TaceCds.Clinical.Scores;

/// <summary>Ascites as graded for Child-Pugh (input contract codes tacecds#none / #mild / #moderate-severe).</summary>
public enum Ascites
{
    None,
    Mild,
    ModerateSevere,
}
