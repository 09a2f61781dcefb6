// Sending one message to one subscription with VAPID, and what the push service's answer means.
import webpush from 'npm:web-push@3.6.7';
import type { Subscription } from './claim.ts';
import { encryptMessage } from './encrypt.ts';

export interface Vapid {
	subject: string;
	publicKey: string;
	privateKey: string;
}

/** sent: 201; gone: 404/410 (forget the subscription); retry: 429, 5xx, timeout, network; failed: other 4xx. */
export type Delivery = { result: 'sent' | 'gone' | 'retry' | 'failed'; retryAfter?: number };

export interface PushOptions {
	ttlSeconds: number;
	urgency: 'very-low' | 'low' | 'normal' | 'high';
	topic: string;
}

/**
 * A sender for one pass. web-push signs the VAPID JWT (RFC 8292), encrypt.ts encrypts (RFC 8291, with
 * Web Crypto: web-push's node:crypto path costs 5 times the CPU under Deno); Deno's own fetch carries
 * the request: it pools connections (a TLS handshake per push would cost more CPU than the push),
 * speaks HTTP/2 to the push services that offer it, and its timeout is an AbortSignal that always
 * fires (node:https's socket timeout in Deno's compatibility layer does not on a reused connection).
 */
export function pushSender(vapid: Vapid, timeoutMs: number) {
	// The VAPID JWT is signed once per push service origin per pass (each costs an ECDSA signature).
	const authorization = new Map<string, string>();
	const authFor = (endpoint: string) => {
		const audience = new URL(endpoint).origin;
		let value = authorization.get(audience);
		if (!value) {
			const exp = Math.floor(Date.now() / 1000) + 12 * 60 * 60;
			const headers = webpush.getVapidHeaders(
				audience,
				vapid.subject,
				vapid.publicKey,
				vapid.privateKey,
				'aes128gcm',
				exp
			);
			value = String(headers.Authorization);
			authorization.set(audience, value);
		}
		return value;
	};
	const client = Deno.createHttpClient({});
	return {
		async send(subscription: Subscription, payload: string, options: PushOptions): Promise<Delivery> {
			let body: Uint8Array;
			try {
				body = await encryptMessage(subscription.p256dh, subscription.auth, payload);
			} catch (error) {
				console.error(`push not made: ${(error as Error).message}`);
				return { result: 'failed' };
			}
			let status: number;
			let retryAfter: number | undefined;
			try {
				const response = await fetch(subscription.endpoint, {
					method: 'POST',
					headers: {
						Authorization: authFor(subscription.endpoint),
						TTL: String(options.ttlSeconds),
						Urgency: options.urgency,
						Topic: options.topic,
						'Content-Encoding': 'aes128gcm',
						'Content-Type': 'application/octet-stream'
					},
					body: body as BufferSource,
					client,
					signal: AbortSignal.timeout(timeoutMs)
				});
				status = response.status;
				retryAfter = Number(response.headers.get('retry-after')) || undefined;
				await response.body?.cancel();
			} catch (error) {
				// Timeout, refused connection, TLS failure: the push service may work on a later run.
				console.error(`push not sent: ${(error as Error).message}`);
				return { result: 'retry' };
			}
			if (status >= 200 && status < 300) return { result: 'sent' };
			if (status === 404 || status === 410) return { result: 'gone' };
			if (status === 429 || status >= 500) return { result: 'retry', retryAfter };
			console.error(`push refused (${status}) by ${new URL(subscription.endpoint).origin}`);
			return { result: 'failed' };
		},
		close() {
			client.close();
		}
	};
}
