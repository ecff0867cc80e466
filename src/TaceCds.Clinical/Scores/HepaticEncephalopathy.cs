namespace TaceCds.Clinical.Scores;

/// <summary>Hepatic encephalopathy as graded for Child-Pugh (input contract codes tacecds#none / #grade-1-2 / #grade-3-4).</summary>
public enum HepaticEncephalopathy
{
    None,
    Grade1To2,
    Grade3To4,
}
