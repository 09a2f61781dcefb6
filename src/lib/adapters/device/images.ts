/**
 * A picture file as a small square-ish PNG data: URL (longest side `maxSide`), so a logo or photo
 * for the QR code stays a few kilobytes in storage. Throws a readable error for non-images.
 */
export async function imageFileToDataUrl(file: File, maxSide = 256): Promise<string> {
	if (!file.type.startsWith('image/')) throw new Error('Choose a picture file (PNG, JPEG, SVG…).');
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		throw new Error('This picture could not be opened. Try another file.');
	}
	const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(bitmap.width * scale));
	canvas.height = Math.max(1, Math.round(bitmap.height * scale));
	canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
	bitmap.close();
	return canvas.toDataURL('image/png');
}
