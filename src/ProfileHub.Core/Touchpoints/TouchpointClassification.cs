namespace ProfileHub.Core.Touchpoints;

/// <summary>The four classifications recorded on every touchpoint (docs/domain.md, "Touchpoints and journeys").</summary>
public readonly record struct TouchpointClassification(
    JourneyStage Stage,
    bool Online,
    bool Controllable,
    Initiative Initiative);
