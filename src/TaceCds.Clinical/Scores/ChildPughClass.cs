namespace TaceCds.Clinical.Scores;

/// <summary>Child-Pugh class: A 5–6 points, B 7–9, C 10–15.</summary>
public enum ChildPughClass
{
    A,
    B,
    C,
}
