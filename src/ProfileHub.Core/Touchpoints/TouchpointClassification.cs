namespace ProfileHub.Core.Touchpoints;

/// <summary>The four classifications recorded on every touchpoint (DESIGN.md, "The domain").</summary>
public readonly record struct TouchpointClassification(
    JourneyStage Stage,
    bool Online,
    bool Controllable,
    Initiative Initiative);
