namespace TaceCds.FhirPath.Model;

/// <summary>
/// A compact, hand-written table of FHIR R4 element types: only what FHIRPath needs to type values read from JSON
/// (primitive conversion, <c>is</c>/<c>as</c>/<c>ofType</c>) for the resources and datatypes our rules and tests use.
/// Elements not listed stay untyped (navigation still works). <c>BackboneElement</c> children are keyed by path;
/// <c>=Path</c> is a content reference (recursive elements such as Questionnaire.item.item).
/// Choice elements (<c>value[x]</c>) need no entry: their type comes from the JSON name suffix.
/// </summary>
internal static class FhirElementTypes
{
    private const string Table = """
        Resource: id=id meta=Meta implicitRules=uri language=code
        DomainResource: text=Narrative contained=Resource extension=Extension modifierExtension=Extension
        Element: id=string extension=Extension
        BackboneElement: modifierExtension=Extension
        Extension: url=uri
        Narrative: status=code div=xhtml
        Meta: versionId=id lastUpdated=instant source=uri profile=canonical security=Coding tag=Coding
        Coding: system=uri version=string code=code display=string userSelected=boolean
        CodeableConcept: coding=Coding text=string
        Quantity: value=decimal comparator=code unit=string system=uri code=code
        Age: value=decimal comparator=code unit=string system=uri code=code
        Duration: value=decimal comparator=code unit=string system=uri code=code
        SimpleQuantity: value=decimal comparator=code unit=string system=uri code=code
        Range: low=Quantity high=Quantity
        Ratio: numerator=Quantity denominator=Quantity
        Period: start=dateTime end=dateTime
        Identifier: use=code type=CodeableConcept system=uri value=string period=Period assigner=Reference
        Reference: reference=string type=uri identifier=Identifier display=string
        HumanName: use=code text=string family=string given=string prefix=string suffix=string period=Period
        ContactPoint: system=code value=string use=code rank=positiveInt period=Period
        Address: use=code type=code text=string line=string city=string district=string state=string postalCode=string country=string period=Period
        Annotation: authorString=string time=dateTime text=markdown
        Attachment: contentType=code language=code data=base64Binary url=url size=unsignedInt hash=base64Binary title=string creation=dateTime
        ContactDetail: name=string telecom=ContactPoint
        UsageContext: code=Coding
        Patient: identifier=Identifier active=boolean name=HumanName telecom=ContactPoint gender=code birthDate=date address=Address maritalStatus=CodeableConcept photo=Attachment contact=BackboneElement generalPractitioner=Reference managingOrganization=Reference link=BackboneElement communication=BackboneElement
        Patient.contact: relationship=CodeableConcept name=HumanName telecom=ContactPoint address=Address gender=code organization=Reference period=Period
        Patient.communication: language=CodeableConcept preferred=boolean
        Patient.link: other=Reference type=code
        Observation: identifier=Identifier basedOn=Reference partOf=Reference status=code category=CodeableConcept code=CodeableConcept subject=Reference focus=Reference encounter=Reference issued=instant performer=Reference dataAbsentReason=CodeableConcept interpretation=CodeableConcept note=Annotation bodySite=CodeableConcept method=CodeableConcept specimen=Reference device=Reference referenceRange=BackboneElement hasMember=Reference derivedFrom=Reference component=BackboneElement
        Observation.referenceRange: low=SimpleQuantity high=SimpleQuantity type=CodeableConcept appliesTo=CodeableConcept age=Range text=string
        Observation.component: code=CodeableConcept dataAbsentReason=CodeableConcept interpretation=CodeableConcept referenceRange==Observation.referenceRange
        Condition: identifier=Identifier clinicalStatus=CodeableConcept verificationStatus=CodeableConcept category=CodeableConcept severity=CodeableConcept code=CodeableConcept bodySite=CodeableConcept subject=Reference encounter=Reference recordedDate=dateTime recorder=Reference asserter=Reference stage=BackboneElement evidence=BackboneElement note=Annotation
        Condition.stage: summary=CodeableConcept assessment=Reference type=CodeableConcept
        Procedure: identifier=Identifier status=code category=CodeableConcept code=CodeableConcept subject=Reference encounter=Reference bodySite=CodeableConcept outcome=CodeableConcept note=Annotation
        DiagnosticReport: identifier=Identifier status=code category=CodeableConcept code=CodeableConcept subject=Reference issued=instant result=Reference conclusion=string conclusionCode=CodeableConcept
        Bundle: identifier=Identifier type=code timestamp=instant total=unsignedInt link=BackboneElement entry=BackboneElement
        Bundle.entry: fullUrl=uri resource=Resource link==Bundle.link
        Bundle.link: relation=string url=uri
        Parameters: parameter=BackboneElement
        Parameters.parameter: name=string resource=Resource part==Parameters.parameter
        Appointment: identifier=Identifier status=code serviceCategory=CodeableConcept serviceType=CodeableConcept specialty=CodeableConcept appointmentType=CodeableConcept reasonCode=CodeableConcept priority=unsignedInt description=string start=instant end=instant minutesDuration=positiveInt slot=Reference created=dateTime comment=string participant=BackboneElement requestedPeriod=Period
        Appointment.participant: type=CodeableConcept actor=Reference required=code status=code period=Period
        CodeSystem: url=uri identifier=Identifier version=string name=string title=string status=code experimental=boolean date=dateTime publisher=string contact=ContactDetail description=markdown caseSensitive=boolean valueSet=canonical content=code count=unsignedInt filter=BackboneElement property=BackboneElement concept=BackboneElement
        CodeSystem.filter: code=code description=string operator=code value=string
        CodeSystem.concept: code=code display=string definition=string designation=BackboneElement concept==CodeSystem.concept
        CodeSystem.concept.designation: language=code use=Coding value=string
        ValueSet: url=uri identifier=Identifier version=string name=string title=string status=code experimental=boolean date=dateTime publisher=string contact=ContactDetail description=markdown immutable=boolean purpose=markdown copyright=markdown compose=BackboneElement expansion=BackboneElement
        ValueSet.compose: lockedDate=date inactive=boolean include=BackboneElement exclude==ValueSet.compose.include
        ValueSet.compose.include: system=uri version=string concept=BackboneElement filter=BackboneElement valueSet=canonical
        ValueSet.compose.include.concept: code=code display=string
        ValueSet.compose.include.filter: property=code op=code value=string
        ValueSet.expansion: identifier=uri timestamp=dateTime total=integer offset=integer parameter=BackboneElement contains=BackboneElement
        ValueSet.expansion.parameter: name=string
        ValueSet.expansion.contains: system=uri abstract=boolean inactive=boolean version=string code=code display=string contains==ValueSet.expansion.contains
        Questionnaire: url=uri identifier=Identifier version=string name=string title=string status=code experimental=boolean subjectType=code date=dateTime publisher=string description=markdown code=Coding item=BackboneElement
        Questionnaire.item: linkId=string definition=uri code=Coding prefix=string text=string type=code enableWhen=BackboneElement required=boolean repeats=boolean readOnly=boolean maxLength=integer answerValueSet=canonical item==Questionnaire.item
        Questionnaire.item.enableWhen: question=string operator=code
        ExplanationOfBenefit: status=code type=CodeableConcept use=code patient=Reference created=dateTime supportingInfo=BackboneElement item=BackboneElement
        ExplanationOfBenefit.supportingInfo: sequence=positiveInt category=CodeableConcept code=CodeableConcept
        ExplanationOfBenefit.item: sequence=positiveInt informationSequence=positiveInt
        """;

    private static readonly Dictionary<string, string> Types = Build();

    /// <summary>
    /// The type of <paramref name="element"/> on a value whose definition path is <paramref name="ownerPath"/>
    /// (a type name, or a backbone path like <c>Patient.contact</c>). Returns the type name and the definition path
    /// to use for its own children, or null when unknown.
    /// </summary>
    public static (string Type, string Path)? Lookup(string ownerPath, string ownerType, string element)
    {
        if (Resolved.TryGetValue((ownerPath, ownerType, element), out var cached))
            return cached;
        var resolved = Resolve(ownerPath, ownerType, element);
        if (Resolved.Count < 16_384)
            Resolved.TryAdd((ownerPath, ownerType, element), resolved);
        return resolved;
    }

    /// <summary>Keys come from compiled names and JSON resourceType values; bounded so odd input cannot grow it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), (string Type, string Path)?> Resolved = new();

    private static (string Type, string Path)? Resolve(string ownerPath, string ownerType, string element)
    {
        if (Types.TryGetValue(ownerPath + "." + element, out var type) || Inherited(ownerType, element, out type))
        {
            if (type == "BackboneElement")
                return (type, ownerPath + "." + element);
            if (type.StartsWith('='))
                return ("BackboneElement", type[1..]);
            return (type, type);
        }
        return null;
    }

    private static bool Inherited(string ownerType, string element, out string type)
    {
        foreach (var baseType in FhirTypeHierarchy.BaseChain(ownerType))
        {
            if (Types.TryGetValue(baseType + "." + element, out type!))
                return true;
        }
        type = "";
        return false;
    }

    private static Dictionary<string, string> Build()
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':');
            var owner = line[..colon];
            foreach (var pair in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                types[owner + "." + pair[..eq]] = pair[(eq + 1)..];
            }
        }
        return types;
    }
}
