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

export type ShareOutcome = 'shared' | 'cancelled' | 'unsupported';

/** Whether this browser has a share sheet (the Web Share API) at all. */
export function canShare(): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
}

/**
 * Opens the share sheet (the Web Share API) where the device can share this; 'unsupported' when it
 * can't, so the caller offers a download or a copy instead. A user cancelling the share sheet is
 * not an error; a refusal (say, no tap to allow it) throws.
 */
async function share(data: ShareData): Promise<ShareOutcome> {
	if (!canShare() || (navigator.canShare && !navigator.canShare(data))) return 'unsupported';
	try {
		await navigator.share(data);
		return 'shared';
	} catch (error) {
		if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
		throw error;
	}
}

/** Shares files (see share); devices that share links often cannot share files. */
export async function shareFiles(files: File[], title: string, text: string): Promise<ShareOutcome> {
	const data: ShareData = { files, title, text };
	if (!navigator.canShare?.(data)) return 'unsupported';
	return share(data);
}

/** Shares a link with a few words about it (see share). */
export function shareLink(data: { title: string; text: string; url: string }): Promise<ShareOutcome> {
	return share(data);
}

/**
 * Puts text on the clipboard; false where this page has no clipboard (not https) or the browser
 * refused, so the caller shows the text to be selected and copied by hand.
 */
export async function copyText(text: string): Promise<boolean> {
	try {
		if (!navigator.clipboard?.writeText) return false;
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
