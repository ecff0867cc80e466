namespace TaceCds.FhirPath;
