// RFC 8291 message encryption (the `aes128gcm` content coding of RFC 8188) with Web Crypto.
// web-push does the same with node:crypto's createECDH, which under Deno's compatibility layer
// costs about 1 ms of CPU per message (`npm run bench:reminders`): at 20,000 devices that alone is
// far past the 2 s a request may use. The local push service decrypts every message with http_ece,
// so a mistake here fails the tests.

const subtle = crypto.subtle;
const encoder = new TextEncoder();

const fromBase64url = (text: string) =>
	Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) out.set(p, (at += p.length) - p.length);
	return out;
};

async function hkdf(salt: Uint8Array, ikm: Uint8Array, info: Uint8Array, bytes: number): Promise<Uint8Array> {
	const key = await subtle.importKey('raw', ikm as BufferSource, 'HKDF', false, ['deriveBits']);
	const bits = await subtle.deriveBits(
		{ name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: info as BufferSource },
		key,
		bytes * 8
	);
	return new Uint8Array(bits);
}

/** The body of a Web Push message for a subscription's keys (base64url p256dh and auth). */
export async function encryptMessage(p256dh: string, auth: string, plaintext: string): Promise<Uint8Array> {
	const uaPublic = fromBase64url(p256dh);
	const authSecret = fromBase64url(auth);
	if (uaPublic.length !== 65 || authSecret.length !== 16) throw new Error('subscription keys of the wrong length');
	const ua = await subtle.importKey('raw', uaPublic as BufferSource, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
	const local = (await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
		'deriveBits'
	])) as CryptoKeyPair;
	const asPublic = new Uint8Array(await subtle.exportKey('raw', local.publicKey));
	const ecdhSecret = new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: ua }, local.privateKey, 256));
	// RFC 8291 §3.3–3.4: IKM from the ECDH secret and the auth secret, then RFC 8188's key and nonce.
	const keyInfo = concat(encoder.encode('WebPush: info\0'), uaPublic, asPublic);
	const ikm = await hkdf(authSecret, ecdhSecret, keyInfo, 32);
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const cek = await hkdf(salt, ikm, encoder.encode('Content-Encoding: aes128gcm\0'), 16);
	const nonce = await hkdf(salt, ikm, encoder.encode('Content-Encoding: nonce\0'), 12);
	const key = await subtle.importKey('raw', cek as BufferSource, 'AES-GCM', false, ['encrypt']);
	// One record: the message, then the last-record delimiter 0x02 (no padding).
	const record = concat(encoder.encode(plaintext), new Uint8Array([2]));
	const cipher = new Uint8Array(
		await subtle.encrypt({ name: 'AES-GCM', iv: nonce as BufferSource }, key, record as BufferSource)
	);
	const rs = 4096;
	if (record.length + 16 > rs) throw new Error('message too long for one record');
	const header = new Uint8Array(21);
	header.set(salt, 0);
	new DataView(header.buffer).setUint32(16, rs);
	header[20] = asPublic.length;
	return concat(header, asPublic, cipher);
}
