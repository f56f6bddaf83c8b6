// Sends a small customer journey to a Segment-compatible endpoint with Segment's official Node.js library.
// Usage: node send.mjs <host, e.g. http://127.0.0.1:5000> <writeKey>
// Prints each HTTP status the library saw; exits non-zero if the library reported an error.
import { Analytics } from '@segment/analytics-node'

const [host, writeKey] = process.argv.slice(2)
if (!host || !writeKey) {
  console.error('usage: node send.mjs <host> <writeKey>')
  process.exit(2)
}

const analytics = new Analytics({ writeKey, host, flushAt: 10, maxRetries: 0 })
let failed = false
analytics.on('http_response', (response) => console.log(`status ${response.status}`))
analytics.on('error', (error) => {
  failed = true
  console.error(`error ${error.code ?? ''} ${error.reason ?? error.message ?? error}`)
})

analytics.identify({
  userId: 'node-user-1',
  anonymousId: 'node-anon-1',
  traits: { email: 'Node.User@Example.com', firstName: 'Nora', lastName: 'Node', phone: '+1 650 555 1212' },
})
analytics.page({ anonymousId: 'node-anon-1', name: 'Pricing', properties: { url: 'https://shop.example/pricing' } })
analytics.track({ userId: 'node-user-1', event: 'Product Viewed', properties: { product_id: 'p-1' } })
analytics.track({ userId: 'node-user-1', event: 'Order Completed', properties: { order_id: 'o-1', revenue: 99.5, currency: 'USD' } })
analytics.alias({ userId: 'node-user-1', previousId: 'node-anon-1' })

await analytics.closeAndFlush({ timeout: 20000 })
process.exit(failed ? 1 : 0)
