namespace ProfileHub.Core.Sources;

public enum ConsentChannel
{
    Email,
    Sms,
    Phone,
    Mail,
    Ads,
}
