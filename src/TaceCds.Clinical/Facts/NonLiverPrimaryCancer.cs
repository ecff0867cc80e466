using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Facts;

/// <summary>
/// Recognises a Condition that documents a primary malignancy of a site other than the liver: the population of the
/// seed-003 PET/MR study (clinical-reference.md §7: "a suspected liver metastasis in a patient with a documented
/// non-liver primary cancer"). Source of the ranges: WHO ICD-10 2019, Chapter II "Neoplasms", blocks C00–C75
/// "Malignant neoplasms, stated or presumed to be primary, of specified sites, except of lymphoid, haematopoietic and
/// related tissue" and C81–C96 "… of lymphoid, haematopoietic and related tissue" (icd.who.int/browse10/2019/en#/II).
/// Left out on purpose: C22 (liver and intrahepatic bile ducts: primary liver cancer, excluded by the study),
/// C76–C80 (ill-defined, secondary and unspecified sites: C78.7 is the liver metastasis itself, not its primary) and
/// C97 (multiple independent primaries, sites not stated). Only WHO ICD-10 codes are recognised: SNOMED CT would need
/// its hierarchy, which the engine does not hold.
/// </summary>
public static class NonLiverPrimaryCancer
{
    /// <summary>True for an ICD-10 code in C00–C75 or C81–C96 other than C22 (with or without a subcategory).</summary>
    public static bool IsNonLiverPrimary(string? system, string? code)
    {
        if (system != CodeSystems.Icd10 || code is null || code.Length < 3 || code[0] != 'C') return false;
        if (!char.IsAsciiDigit(code[1]) || !char.IsAsciiDigit(code[2])) return false;
        if (code.Length > 3 && code[3] != '.') return false;
        var category = (code[1] - '0') * 10 + (code[2] - '0');
        if (category == 22) return false;
        return category <= 75 || category is >= 81 and <= 96;
    }

    /// <summary>
    /// A documented primary needs a diagnosis that is not in doubt: provisional, differential and unconfirmed
    /// verification statuses do not document one (an absent status is read as recorded, like the HCC diagnosis).
    /// </summary>
    public static bool Documented(string? verificationStatus) =>
        StatusPolicy.ConditionUsable(verificationStatus) && verificationStatus is not ("provisional" or "differential" or "unconfirmed");
}
