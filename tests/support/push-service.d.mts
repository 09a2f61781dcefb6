export interface Certificate {
	dir: string;
	/** The authority to trust (DENO_CERT and NODE_EXTRA_CA_CERTS for Deno's node:https). */
	caFile: string;
	certFile: string;
	keyFile: string;
	cert: Buffer;
	key: Buffer;
	ca: Buffer;
	remove(): void;
}
export interface Delivery {
	endpoint: string;
	label: string;
	topic: string | undefined;
	urgency: string | string[] | undefined;
	ttl: number;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}
export interface Rejection {
	endpoint: string;
	status: number;
	reason: string;
}
export interface BrowserSubscription {
	endpoint: string;
	expirationTime: null;
	keys: { p256dh: string; auth: string };
}
export interface PushService {
	origin: string;
	certFile: string;
	delivered: Delivery[];
	rejected: Rejection[];
	subscribe(options?: { label?: string; applicationServerKey?: string }): BrowserSubscription;
	answer(endpoint: string, what: number[] | 'hang' | 'deliver-then-hang' | null): void;
	unsubscribe(endpoint: string): void;
	stop(): Promise<void>;
}
export function makeCertificate(): Certificate;
export function readCertificate(dir: string): Certificate;
export function vapidProblem(
	header: string | undefined,
	origin: string,
	expectedKey: string | undefined,
	nowMs: number
): string | null;
export function startPushService(options?: { now?: () => number; certificate?: Certificate }): Promise<PushService>;
