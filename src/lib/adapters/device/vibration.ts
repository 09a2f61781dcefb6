/** A short buzz to confirm a scan, where the device supports it. */
export function buzz(): void {
	try {
		navigator.vibrate?.(80);
	} catch {
		// Some browsers throw without a user gesture; a missing buzz is harmless.
	}
}
