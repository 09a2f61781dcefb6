// TEST TOOL: a local Web Push service, strict where real ones are. HTTPS only (a throw-away EC
// certificate made by openssl at start; the sender trusts it through DENO_CERT), a VAPID JWT that
// must verify (RFC 8292: ES256 with the key in `k`, `aud` = this origin, `exp` in the future and at
// most 24 h away), an RFC 8291 `aes128gcm` body that must decrypt with the subscription's own keys,
// and a TTL header (RFC 8030). Anything else is refused and kept in `rejected`. Endpoints can be told
// to answer 404/410/429/500 or to hang. Runs under Node (the benchmark) and Deno (the tests).
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ece from 'http_ece';

const b64url = (/** @type {Buffer} */ bytes) => bytes.toString('base64url');
const DAY_S = 24 * 60 * 60;

/**
 * A throw-away P-256 certificate authority and a certificate for 127.0.0.1 signed by it (rustls, which
 * Deno uses, refuses a self-signed CA certificate as a server's own). Trust `caFile` (DENO_CERT).
 */
export function makeCertificate() {
	const dir = mkdtempSync(join(tmpdir(), 'enc-cert-'));
	const file = (/** @type {string} */ name) => join(dir, name);
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	const openssl = (/** @type {string[]} */ args) => execFileSync('openssl', args, { stdio: 'ignore' });
	openssl(['req', '-x509', ...ec, '-days', '2', '-subj', '/CN=Test push CA', '-keyout', file('ca-key.pem'), '-out', file('ca.pem')]); // prettier-ignore
	openssl(['req', ...ec, '-subj', '/CN=127.0.0.1', '-keyout', file('key.pem'), '-out', file('req.pem')]);
	writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
	openssl(['x509', '-req', '-in', file('req.pem'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'), '-CAcreateserial', '-days', '2', '-extfile', file('ext.cnf'), '-out', file('cert.pem')]); // prettier-ignore
	const remove = () => rmSync(dir, { recursive: true, force: true });
	return {
		dir,
		caFile: file('ca.pem'),
		certFile: file('cert.pem'),
		keyFile: file('key.pem'),
		...readCertificate(dir),
		remove
	};
}

/** The certificate made by makeCertificate in `dir` (a test process started with DENO_CERT reads it back). */
export function readCertificate(/** @type {string} */ dir) {
	const [cert, key, ca] = ['cert.pem', 'key.pem', 'ca.pem'].map((name) => readFileSync(join(dir, name)));
	return {
		dir,
		caFile: join(dir, 'ca.pem'),
		certFile: join(dir, 'cert.pem'),
		keyFile: join(dir, 'key.pem'),
		cert: /** @type {Buffer} */ (cert),
		key: /** @type {Buffer} */ (key),
		ca: /** @type {Buffer} */ (ca),
		remove() {}
	};
}

/**
 * Checks a VAPID `Authorization` header; returns the reason it fails, or null.
 * @param {string | undefined} header @param {string} origin @param {string | undefined} expectedKey
 * @param {number} nowMs
 */
export function vapidProblem(header, origin, expectedKey, nowMs) {
	const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
	if (!match) return 'no vapid authorization';
	const [token, k] = /** @type {[string, string]} */ ([match[1], match[2]]);
	if (expectedKey && k !== expectedKey) return 'k is not the subscription’s application server key';
	const raw = Buffer.from(k, 'base64url');
	if (raw.length !== 65 || raw[0] !== 4) return 'k is not an uncompressed P-256 point';
	const [head, body, signature] = /** @type {[string, string, string]} */ (token.split('.'));
	let header_, claims;
	try {
		header_ = JSON.parse(Buffer.from(head, 'base64url').toString());
		claims = JSON.parse(Buffer.from(body, 'base64url').toString());
	} catch {
		return 'JWT is not JSON';
	}
	if (header_.alg !== 'ES256') return `JWT alg ${header_.alg}`;
	const key = createPublicKey({
		key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33)) },
		format: 'jwk'
	});
	const signed = Buffer.from(`${head}.${body}`);
	const sig = Buffer.from(signature, 'base64url');
	if (!verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, sig)) return 'JWT signature does not verify';
	if (claims.aud !== origin) return `JWT aud ${claims.aud}, not ${origin}`;
	const now = Math.floor(nowMs / 1000);
	if (!Number.isInteger(claims.exp) || claims.exp <= now) return 'JWT expired';
	if (claims.exp > now + DAY_S) return 'JWT exp more than 24 h ahead';
	if (!/^(mailto:|https:)/.test(String(claims.sub))) return 'JWT sub is not mailto: or https:';
	return null;
}

/**
 * Starts the push service on 127.0.0.1 (a free port).
 * @param {{ now?: () => number, certificate?: ReturnType<typeof makeCertificate> }} [options] the
 *   service's clock (for `exp`, Date.now by default); a certificate to share (kept on stop)
 */
export async function startPushService({ now = Date.now, certificate: shared } = {}) {
	const certificate = shared ?? makeCertificate();
	/** @type {Map<string, { ecdh: import('node:crypto').ECDH, auth: Buffer, serverKey?: string, label: string }>} */
	const subscriptions = new Map();
	/** @type {Map<string, number[] | 'hang' | 'deliver-then-hang'>} */
	const answers = new Map();
	/** @type {import('./push-service.d.mts').Delivery[]} */
	const delivered = [];
	/** @type {import('./push-service.d.mts').Rejection[]} */
	const rejected = [];
	/** @type {Set<import('node:http').ServerResponse>} */
	const hanging = new Set();
	let origin = '';

	const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const id = (req.url ?? '').replace(/^\/push\//, '');
			const endpoint = `${origin}/push/${id}`;
			const subscription = subscriptions.get(id);
			const refuse = (/** @type {number} */ status, /** @type {string} */ reason) => {
				rejected.push({ endpoint, status, reason });
				res.writeHead(status).end(reason);
			};
			if (req.method !== 'POST') return refuse(405, `method ${req.method}`);
			if (!subscription) return void res.writeHead(404).end(); // unsubscribed: the sender forgets it
			const answer = answers.get(id);
			if (answer === 'hang') return void hanging.add(res);
			const status = Array.isArray(answer) ? answer.shift() : undefined;
			if (status !== undefined) {
				res.writeHead(status, status === 429 ? { 'Retry-After': '60' } : {}).end();
				return;
			}
			const problem = vapidProblem(req.headers.authorization, origin, subscription.serverKey, now());
			if (problem) return refuse(403, problem);
			const ttl = req.headers.ttl;
			if (ttl === undefined || !/^\d+$/.test(String(ttl))) return refuse(400, 'no TTL header');
			if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'not aes128gcm');
			const urgency = req.headers.urgency;
			if (urgency && !['very-low', 'low', 'normal', 'high'].includes(String(urgency)))
				return refuse(400, `urgency ${urgency}`);
			const topic = req.headers.topic ? String(req.headers.topic) : undefined;
			if (topic !== undefined && !/^[\w-]{1,32}$/.test(topic)) return refuse(400, `topic ${topic}`);
			let text;
			try {
				const body = Buffer.concat(chunks);
				const params = { version: 'aes128gcm', privateKey: subscription.ecdh, authSecret: subscription.auth };
				text = ece.decrypt(body, params).toString('utf8');
			} catch (error) {
				return refuse(400, `body does not decrypt: ${/** @type {Error} */ (error).message}`);
			}
			let json = null;
			try {
				json = JSON.parse(text);
			} catch {
				// Kept as text: the test decides whether a non-JSON message is wrong.
			}
			delivered.push({ endpoint, label: subscription.label, topic, urgency, ttl: Number(ttl), text, json });
			// Delivered, but the sender never hears so: as if it died between the 201 and recording it.
			if (answer === 'deliver-then-hang') return void hanging.add(res);
			res.writeHead(201, { Location: `${origin}/message/${delivered.length}` }).end();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	origin = `https://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;

	return {
		origin,
		certFile: certificate.certFile,
		delivered,
		rejected,
		/**
		 * A new subscription as a browser makes one: its own P-256 key pair and 16-byte auth secret.
		 * @param {{ label?: string, applicationServerKey?: string }} [options]
		 */
		subscribe({ label = '', applicationServerKey } = {}) {
			const ecdh = createECDH('prime256v1');
			ecdh.generateKeys();
			const auth = randomBytes(16);
			const id = b64url(randomBytes(12));
			subscriptions.set(id, { ecdh, auth, serverKey: applicationServerKey, label });
			const keys = { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) };
			return { endpoint: `${origin}/push/${id}`, expirationTime: null, keys };
		},
		/**
		 * What an endpoint answers next: these statuses in turn (then 201 again), 'hang' for ever, or
		 * 'deliver-then-hang' (the message is delivered, the answer never comes).
		 * @param {string} endpoint @param {number[] | 'hang' | 'deliver-then-hang' | null} what
		 */
		answer(endpoint, what) {
			const id = endpoint.slice(`${origin}/push/`.length);
			if (what === null) answers.delete(id);
			else answers.set(id, Array.isArray(what) ? [...what] : what);
		},
		/** Forgets a subscription, as a browser does when it is unsubscribed (404 from then on). */
		unsubscribe(/** @type {string} */ endpoint) {
			subscriptions.delete(endpoint.slice(`${origin}/push/`.length));
		},
		async stop() {
			for (const res of hanging) res.destroy();
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
			if (!shared) certificate.remove();
		}
	};
}
