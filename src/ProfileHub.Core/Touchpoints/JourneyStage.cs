namespace ProfileHub.Core.Touchpoints;

/// <summary>Where a touchpoint falls relative to a purchase.</summary>
public enum JourneyStage
{
    BeforePurchase,
    DuringPurchase,
    AfterPurchase,
}
