/** Saves a blob as a file through a temporary link (works offline, no server round trip). */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A safe file name from a person's name: letters, digits and dashes only. */
export function fileNameFor(name: string, extension: string): string {
	const base = name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${base || 'contact'}.${extension}`;
}

/**
 * Shares files with the Web Share API where the device can; returns false when it can't, so the
 * caller offers a download instead. A user cancelling the share sheet is not an error.
 */
export async function shareFiles(
	files: File[],
	title: string,
	text: string
): Promise<'shared' | 'cancelled' | 'unsupported'> {
	const data: ShareData = { files, title, text };
	if (!navigator.share || !navigator.canShare?.(data)) return 'unsupported';
	try {
		await navigator.share(data);
		return 'shared';
	} catch (error) {
		if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
		throw error;
	}
}
