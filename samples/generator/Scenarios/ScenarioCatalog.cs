using TaceCds.SampleGenerator.Fhir;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>Every synthetic patient, in id order. samples/README.md describes what an engine should find in each.</summary>
public static class ScenarioCatalog
{
    /// <summary>The evaluation date all scenarios are written for: every event is dated before it.</summary>
    public static readonly DateOnly EvaluationDate = new(2025, 6, 1);

    public static IEnumerable<PatientRecord> All()
    {
        yield return P01Responder.Build();
        yield return P02CciRefractory.Build();
        yield return P03ProgressionFromNadir.Build();
        yield return P04NewLesion.Build();
        yield return P05CourseBrokenByAblation.Build();
        yield return P06NoBaseline.Build();
        yield return P07NoAssessmentInWindow.Build();
        yield return P08UsUnits.Build();
        yield return P09MissingLabs.Build();
        yield return P10StatusesAndNoise.Build();
        yield return P11DectNomogram.Build();
        yield return P12IvimPerfusion.Build();
        yield return P13JshRefractory.Build();
        yield return P14ArtAbcr.Build();
        yield return P15Typical.Build();
        yield return P16PetMr.Build();
        yield return P17HaicBetweenTaces.Build();
        yield return P18ChildPughC.Build();
        yield return P19NotStandardizedSession.Build();
        yield return P20NewLesionAfterLastSession.Build();
        yield return P21BaselineTooOld.Build();
    }
}
