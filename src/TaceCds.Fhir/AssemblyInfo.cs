namespace TaceCds.Fhir;
