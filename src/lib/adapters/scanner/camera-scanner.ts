import type { Html5Qrcode } from 'html5-qrcode/esm/html5-qrcode';
import { Html5QrcodeScannerState as State } from 'html5-qrcode/esm/state-manager';
import type { Symbology } from '$lib/domain/contact/symbology';
import { createHtml5Qrcode, symbologyOf } from './scanner-config';

export interface Camera {
	id: string;
	label: string;
}

/** The performance mark set when the camera reads a code. */
const DECODED_MARK = 'scanner:decoded';

/**
 * html5-qrcode starts its video with `play()` and drops the promise. When the scan view goes away
 * while the camera is still starting (a photo was read first, or the user left), the browser aborts
 * that `play()` with an AbortError: expected, and the camera is stopped anyway, but a dropped promise
 * would surface as an unhandled rejection. This listener marks unhandled AbortErrors as handled: the
 * message is the browser's own and differs between browsers, and the app leaves no other
 * AbortError unhandled.
 */
function ignoreAbortedPlay(event: PromiseRejectionEvent): void {
	if (event.reason instanceof DOMException && event.reason.name === 'AbortError') event.preventDefault();
}
let listening = false;

/** The live camera view: rear camera first, camera switching and the torch where supported. */
export class CameraScanner {
	/** Set when html5-qrcode was left half-stopped (see `stop`): the next start makes a new one. */
	private spent = false;

	private constructor(
		private readonly elementId: string,
		private scanner: Html5Qrcode
	) {}

	static async create(elementId: string): Promise<CameraScanner> {
		if (!listening) addEventListener('unhandledrejection', ignoreAbortedPlay);
		listening = true;
		return new CameraScanner(elementId, await createHtml5Qrcode(elementId));
	}

	/** Starts the given camera, or the rear one; resolves once the video is live. */
	async start(onDecoded: (text: string, symbology?: Symbology) => void, cameraId?: string): Promise<void> {
		if (this.spent) {
			this.scanner = await createHtml5Qrcode(this.elementId);
			this.spent = false;
		}
		const source = cameraId ? { deviceId: { exact: cameraId } } : { facingMode: 'environment' };
		await this.scanner.start(
			source,
			{ fps: 12, disableFlip: false },
			(text, result) => {
				// For `npm run bench:scan` (camera live → first code read); replaced, never piled up.
				performance.clearMarks(DECODED_MARK);
				performance.mark(DECODED_MARK);
				onDecoded(text, symbologyOf(text, result.result.format?.formatName));
			},
			undefined
		);
	}

	/**
	 * Stops the camera. html5-qrcode's `start` resolves as soon as the video is told to play, but its
	 * `isScanning` turns true only when the video plays, and its `stop` fails for a video that never
	 * played (the view was left, or the camera switched, while it started): it stops the camera and
	 * removes the video, then throws on a canvas made at the first frame, leaving that instance
	 * mid-transition. Such a camera is stopped the same way, and the instance is not used again.
	 */
	async stop(): Promise<void> {
		const state = this.scanner.getState();
		if (this.spent || (state !== State.SCANNING && state !== State.PAUSED)) return;
		if (this.scanner.isScanning) {
			await this.scanner.stop();
			this.scanner.clear();
			return;
		}
		this.spent = true;
		await this.scanner.stop().catch(() => {});
	}

	/**
	 * The cameras the browser lists, asked of the browser directly: html5-qrcode's `getCameras` opens
	 * a second camera stream first (to be allowed to read the labels), which on a phone can fail, or
	 * interrupt the camera already running. Once the camera runs, the labels are there anyway.
	 */
	async cameras(): Promise<Camera[]> {
		try {
			const devices = await navigator.mediaDevices.enumerateDevices();
			return devices
				.filter((device) => device.kind === 'videoinput')
				.map((device, index) => ({ id: device.deviceId, label: device.label || `Camera ${index + 1}` }));
		} catch {
			return [];
		}
	}

	/** The id of the camera now streaming, when the browser says. */
	activeCameraId(): string | null {
		try {
			return this.scanner.getRunningTrackSettings().deviceId ?? null;
		} catch {
			return null;
		}
	}

	torchSupported(): boolean {
		try {
			return this.scanner.getRunningTrackCameraCapabilities().torchFeature().isSupported();
		} catch {
			return false;
		}
	}

	async setTorch(on: boolean): Promise<void> {
		await this.scanner.getRunningTrackCameraCapabilities().torchFeature().apply(on);
	}
}
