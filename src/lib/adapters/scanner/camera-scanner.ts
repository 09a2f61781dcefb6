import { Html5Qrcode } from 'html5-qrcode/esm/html5-qrcode';
import type { Symbology } from '$lib/domain/contact/symbology';
import { createHtml5Qrcode, symbologyOf } from './scanner-config';

export interface Camera {
	id: string;
	label: string;
}

/** The performance mark set when the camera reads a code. */
const DECODED_MARK = 'scanner:decoded';

/** The live camera view: rear camera first, camera switching and the torch where supported. */
export class CameraScanner {
	private constructor(private readonly scanner: Html5Qrcode) {}

	static async create(elementId: string): Promise<CameraScanner> {
		return new CameraScanner(await createHtml5Qrcode(elementId));
	}

	/** Starts the given camera, or the rear one; resolves once the video is live. */
	async start(onDecoded: (text: string, symbology?: Symbology) => void, cameraId?: string): Promise<void> {
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

	async stop(): Promise<void> {
		if (this.scanner.isScanning) await this.scanner.stop();
		this.scanner.clear();
	}

	/** Cameras the browser lists (labels appear once permission was given). */
	async cameras(): Promise<Camera[]> {
		try {
			return (await Html5Qrcode.getCameras()).map((c) => ({ id: c.id, label: c.label }));
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
