import { Webhook } from 'standardwebhooks';
import { WebhookVerificationError, verifyWebhook } from '../../generated/src/index.js';

/** The SDK's verifyWebhook accepts what a Standard Webhooks library signs, and nothing else. */
const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const other = `whsec_${Buffer.from('fedcba9876543210fedcba9876543210').toString('base64')}`;
const body = JSON.stringify({ id: 'evt_65a1b2c3d4e5f6a7b8c9d0e1_1', type: 'customer.created', sequence: 1 });

function headers(at: Date, ...secrets: string[]) {
  return {
    'webhook-id': 'evt_65a1b2c3d4e5f6a7b8c9d0e1_1',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign('evt_65a1b2c3d4e5f6a7b8c9d0e1_1', at, body)).join(' '),
  };
}

describe('When a receiver verifies a delivery with the SDK (verifyWebhook)', () => {
  test('When a delivery is signed by the standardwebhooks library, then it verifies and returns the event', async () => {
    const now = new Date();
    await expect(verifyWebhook(secret, body, headers(now, secret), { now })).resolves.toMatchObject({
      type: 'customer.created',
      sequence: 1,
    });
  });

  test('When two signatures are sent during a rotation, then either secret verifies', async () => {
    const now = new Date();
    await expect(verifyWebhook(other, body, headers(now, secret, other), { now })).resolves.toBeDefined();
  });

  test('When the body, the secret or the time is wrong, then it is refused', async () => {
    const now = new Date();
    await expect(verifyWebhook(secret, `${body} `, headers(now, secret), { now })).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(verifyWebhook(other, body, headers(now, secret), { now })).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(
      verifyWebhook(secret, body, headers(now, secret), { now: new Date(now.getTime() + 6 * 60 * 1000) }),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
  });
});
