// Asking for the camera, kept apart from the scanner so the scan screen can open the browser's
// prompt while the scanner (html5-qrcode and the ZXing WebAssembly) is still downloading.

export type CameraProblem = 'denied' | 'no-camera' | 'in-use' | 'insecure' | 'unknown';

/** Sorts a camera failure into what the user can do about it. */
export function classifyCameraError(error: unknown): CameraProblem {
	const text = String((error as { name?: string })?.name ?? '') + ' ' + String(error);
	if (/NotAllowed|Permission|denied/i.test(text)) return 'denied';
	if (/NotFound|Overconstrained|no camera|Requested device not found|DevicesNotFound/i.test(text)) return 'no-camera';
	if (/NotReadable|TrackStart|Could not start/i.test(text)) return 'in-use';
	if (/secure context|https/i.test(text) || (typeof isSecureContext === 'boolean' && !isSecureContext))
		return 'insecure';
	return 'unknown';
}

/** What the browser will do when the camera is asked for, where it says (Firefox does not). */
async function cameraPermission(): Promise<PermissionState | 'unknown'> {
	try {
		return (await navigator.permissions.query({ name: 'camera' as PermissionName })).state;
	} catch {
		return 'unknown';
	}
}

/**
 * Gets the person's leave to use the camera: where the browser would ask, this opens its prompt
 * at once (and closes the camera again: the scanner opens it itself). Where the camera is allowed
 * already nothing is opened, so a returning user's camera does not start twice. Rejects as
 * getUserMedia does (NotAllowedError, NotFoundError, …), or for a page that is not https.
 */
export async function allowCamera(): Promise<void> {
	if ((await cameraPermission()) === 'granted') return;
	if (!navigator.mediaDevices?.getUserMedia) throw new Error('The camera needs a secure context (https).');
	const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
	for (const track of stream.getTracks()) track.stop();
}
