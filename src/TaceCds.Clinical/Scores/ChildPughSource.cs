namespace TaceCds.Clinical.Scores;

/// <summary>Where a Child-Pugh score used downstream came from (output contract "source": "computed" | "reported").</summary>
public enum ChildPughSource
{
    /// <summary>Computed here from the five components (or, for the class only, decided by the known components).</summary>
    Computed,

    /// <summary>A score documented in the record, used because the components are incomplete.</summary>
    Reported,
}
