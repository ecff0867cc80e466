namespace TaceCds.FhirPath.Model;

/// <summary>
/// FHIR R4 type names and their base types, enough for <c>is</c>/<c>as</c>/<c>ofType</c> with inheritance
/// (a <c>code</c> is a <c>string</c>, an <c>Age</c> is a <c>Quantity</c>, a <c>Patient</c> is a <c>DomainResource</c>).
/// </summary>
internal static class FhirTypeHierarchy
{
    /// <summary>Names of FHIR primitive types (lower-case in FHIR and in choice-element suffixes).</summary>
    public static readonly HashSet<string> Primitives =
    [
        "boolean", "integer", "string", "decimal", "uri", "url", "canonical", "base64Binary", "instant", "date",
        "dateTime", "time", "code", "oid", "id", "markdown", "unsignedInt", "positiveInt", "uuid", "xhtml",
    ];

    private static readonly Dictionary<string, string?> BaseOf = Build();

    public static bool IsKnown(string typeName) => BaseOf.ContainsKey(typeName);

    public static bool IsResource(string typeName) => typeName == "Resource" || BaseChain(typeName).Contains("Resource");

    /// <summary>The base types of <paramref name="typeName"/>, nearest first (not including itself).</summary>
    public static IEnumerable<string> BaseChain(string typeName)
    {
        var current = typeName;
        while (BaseOf.TryGetValue(current, out var parent) && parent is not null)
        {
            yield return parent;
            current = parent;
        }
    }

    public static bool IsSubtypeOf(string typeName, string candidateBase) =>
        typeName == candidateBase || BaseChain(typeName).Contains(candidateBase);

    private static Dictionary<string, string?> Build()
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Element"] = null, ["Resource"] = null, ["DomainResource"] = "Resource", ["BackboneElement"] = "Element",
        };
        foreach (var p in Primitives)
            map[p] = "Element";
        foreach (var (sub, parent) in new[]
        {
            ("code", "string"), ("id", "string"), ("markdown", "string"), ("url", "uri"), ("canonical", "uri"),
            ("oid", "uri"), ("uuid", "uri"), ("unsignedInt", "integer"), ("positiveInt", "integer"),
            ("Age", "Quantity"), ("Count", "Quantity"), ("Distance", "Quantity"), ("Duration", "Quantity"),
            ("MoneyQuantity", "Quantity"), ("SimpleQuantity", "Quantity"), ("Timing", "BackboneElement"),
            ("Dosage", "BackboneElement"), ("ElementDefinition", "BackboneElement"),
        })
        {
            map[sub] = parent;
        }
        const string complex = "Address Annotation Attachment CodeableConcept Coding ContactPoint HumanName Identifier Money " +
            "Period Quantity Range Ratio Reference SampledData Signature ContactDetail Contributor DataRequirement Expression " +
            "ParameterDefinition RelatedArtifact TriggerDefinition UsageContext Meta Narrative Extension MarketingStatus " +
            "Population ProdCharacteristic ProductShelfLife SubstanceAmount";
        foreach (var name in complex.Split(' '))
            map[name] = "Element";
        // R4 resource names (https://hl7.org/fhir/R4/resourcelist.html). Bundle, Binary and Parameters are not DomainResources.
        const string resources = "Account ActivityDefinition AdverseEvent AllergyIntolerance Appointment AppointmentResponse AuditEvent " +
            "Basic BiologicallyDerivedProduct BodyStructure CapabilityStatement CarePlan CareTeam CatalogEntry ChargeItem " +
            "ChargeItemDefinition Claim ClaimResponse ClinicalImpression CodeSystem Communication CommunicationRequest " +
            "CompartmentDefinition Composition ConceptMap Condition Consent Contract Coverage CoverageEligibilityRequest " +
            "CoverageEligibilityResponse DetectedIssue Device DeviceDefinition DeviceMetric DeviceRequest DeviceUseStatement " +
            "DiagnosticReport DocumentManifest DocumentReference EffectEvidenceSynthesis Encounter Endpoint EnrollmentRequest " +
            "EnrollmentResponse EpisodeOfCare EventDefinition Evidence EvidenceVariable ExampleScenario ExplanationOfBenefit " +
            "FamilyMemberHistory Flag Goal GraphDefinition Group GuidanceResponse HealthcareService ImagingStudy Immunization " +
            "ImmunizationEvaluation ImmunizationRecommendation ImplementationGuide InsurancePlan Invoice Library Linkage List " +
            "Location Measure MeasureReport Media Medication MedicationAdministration MedicationDispense MedicationKnowledge " +
            "MedicationRequest MedicationStatement MedicinalProduct MessageDefinition MessageHeader MolecularSequence " +
            "NamingSystem NutritionOrder Observation ObservationDefinition OperationDefinition OperationOutcome Organization " +
            "OrganizationAffiliation Patient PaymentNotice PaymentReconciliation Person PlanDefinition Practitioner " +
            "PractitionerRole Procedure Provenance Questionnaire QuestionnaireResponse RelatedPerson RequestGroup " +
            "ResearchDefinition ResearchElementDefinition ResearchStudy ResearchSubject RiskAssessment RiskEvidenceSynthesis " +
            "Schedule SearchParameter ServiceRequest Slot Specimen SpecimenDefinition StructureDefinition StructureMap " +
            "Subscription Substance SupplyDelivery SupplyRequest Task TerminologyCapabilities TestReport TestScript ValueSet " +
            "VerificationResult VisionPrescription";
        foreach (var name in resources.Split(' '))
            map[name] = "DomainResource";
        map["Bundle"] = "Resource";
        map["Binary"] = "Resource";
        map["Parameters"] = "Resource";
        return map;
    }
}
