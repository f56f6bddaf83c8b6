namespace ProfileHub.Testing;

/// <summary>A SendGrid Event Webhook post in the documented event shapes, read by the source's tests and posted by the endpoint's.</summary>
public static class SendGridSamples
{
    public const string Batch = """
        [
          {"email":"Ana@Example.com","timestamp":1772704800,"smtp-id":"<a@sg>","event":"processed","category":["spring","promo"],"sg_event_id":"ev-proc","sg_message_id":"m1.filter"},
          {"email":"ana@example.com","timestamp":1772704805,"event":"delivered","response":"250 OK","sg_event_id":"ev-del","sg_message_id":"m1.filter"},
          {"email":"ana@example.com","timestamp":1772704900,"event":"open","useragent":"Mozilla/5.0","ip":"203.0.113.9","sg_event_id":"ev-open","sg_message_id":"m1.filter","category":"spring"},
          {"email":"ana@example.com","timestamp":1772705000,"event":"click","url":"https://shop.example.com/sale","sg_event_id":"ev-click","sg_message_id":"m1.filter"},
          {"email":"ana@example.com","timestamp":1772705100,"event":"group_unsubscribe","asm_group_id":42,"sg_event_id":"ev-gu","sg_message_id":"m1.filter"},
          {"email":"bo@example.org","timestamp":1772705200,"event":"bounce","type":"bounce","status":"5.1.1","reason":"550 5.1.1 no such user","sg_event_id":"ev-bounce","sg_message_id":"m2.filter"},
          {"email":"cy@example.net","timestamp":1772705300,"event":"bounce","type":"blocked","status":"5.7.1","reason":"blocked","sg_event_id":"ev-blocked","sg_message_id":"m3.filter"},
          {"email":"cy@example.net","timestamp":1772705400,"event":"spamreport","sg_event_id":"ev-spam","sg_message_id":"m3.filter"}
        ]
        """;
}
