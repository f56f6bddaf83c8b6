using System.Security.Cryptography;
using System.Text;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// SendGrid's Signed Event Webhook: an ECDSA (P-256, SHA-256) signature over the
/// X-Twilio-Email-Event-Webhook-Timestamp header value followed by the raw body, sent base64 (ASN.1 DER) in
/// X-Twilio-Email-Event-Webhook-Signature; the verification key is the base64 public key the SendGrid console
/// shows (DER SubjectPublicKeyInfo).
/// </summary>
internal sealed class SendGridSignature : IDisposable
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly ECDsa _key;

    public SendGridSignature(string base64PublicKey)
    {
        _key = ECDsa.Create();
        _key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64PublicKey), out _);
    }

    public bool Verify(byte[] body, string? timestamp, string? signature)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed, stamp.Length);
        return _key.VerifyData(signed, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose() => _key.Dispose();
}
