/** A push subscription of this device, as the server takes it (`PushSubscription.toJSON()`). */
export interface DeviceSubscription {
	endpoint: string;
	json: unknown;
}

/** What turning push on or off needs from the browser and the server. */
export interface PushPorts {
	/** Asks for notification permission (only ever from the person's tap). */
	requestPermission(): Promise<'granted' | 'denied' | 'default'>;
	current(): Promise<DeviceSubscription | null>;
	subscribe(): Promise<DeviceSubscription>;
	unsubscribe(): Promise<void>;
	save(subscription: DeviceSubscription, timeZone: string, signal: AbortSignal): Promise<void>;
	forget(endpoint: string, signal: AbortSignal): Promise<void>;
}

export type PushOutcome =
	| { ok: true }
	| { ok: false; reason: 'denied' | 'dismissed' | 'aborted' | 'subscribe-failed' | 'server-failed'; message: string };

const aborted = { ok: false, reason: 'aborted', message: 'Stopped: nothing changed.' } as const;

/**
 * "Notify me on this device": permission, a subscription with the push service, then the server
 * told. Whatever fails or is abandoned on the way, the device is left as it was: a subscription
 * made here that the server never learned of is undone, so it is never "on" without reminders.
 */
export async function turnOnPush(ports: PushPorts, timeZone: string, signal: AbortSignal): Promise<PushOutcome> {
	const permission = await ports.requestPermission();
	if (permission === 'denied')
		return { ok: false, reason: 'denied', message: 'Your browser said no to notifications.' };
	if (permission !== 'granted')
		return {
			ok: false,
			reason: 'dismissed',
			message: 'The question was closed without an answer: notifications stay off.'
		};
	if (signal.aborted) return aborted;
	const existing = await ports.current();
	let subscription: DeviceSubscription;
	try {
		subscription = existing ?? (await ports.subscribe());
	} catch {
		return {
			ok: false,
			reason: 'subscribe-failed',
			message: "This browser's push service did not answer, so notifications stay off. Try again later."
		};
	}
	const undo = async () => {
		if (!existing) await ports.unsubscribe().catch(() => undefined);
	};
	if (signal.aborted) {
		await undo();
		return aborted;
	}
	try {
		await ports.save(subscription, timeZone, signal);
		return { ok: true };
	} catch {
		await undo();
		if (signal.aborted) return aborted;
		return {
			ok: false,
			reason: 'server-failed',
			message: "The server couldn't be told, so notifications stay off. Check the connection and try again."
		};
	}
}

/**
 * Turns push off here: the device stops listening first (what the person asked for holds even
 * offline), then the server forgets it. `off-locally` when the server could not be told: it drops
 * the device itself at its next send, when the push service answers that it is gone. Abandoned
 * before the device stopped listening, nothing changed.
 */
export async function turnOffPush(ports: PushPorts, signal: AbortSignal): Promise<'off' | 'off-locally' | 'aborted'> {
	const subscription = await ports.current();
	if (signal.aborted) return 'aborted';
	if (!subscription) return 'off';
	await ports.unsubscribe();
	try {
		await ports.forget(subscription.endpoint, signal);
		return 'off';
	} catch {
		return 'off-locally';
	}
}
