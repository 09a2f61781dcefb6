/**
 * Codes that are clearly something other than a person, with a plain explanation of what they are.
 * Returns null when the text could be a person or a badge.
 */
export function explainNotAPerson(text: string): string | null {
	const t = text.trim();
	const rules: [RegExp, string][] = [
		[/^WIFI:/i, 'This QR code holds Wi-Fi network details, not a person.'],
		[/^geo:/i, 'This QR code is a map location, not a person.'],
		[/^BEGIN:(VCALENDAR|VEVENT)/i, 'This QR code is a calendar event, not a person.'],
		[/^(SMSTO|SMS|MMSTO):/i, 'This QR code starts a text message, not a contact card.'],
		[/^MATMSG:/i, 'This QR code starts an email, not a contact card.'],
		[/^(bitcoin|ethereum|litecoin|lightning):/i, 'This QR code is a payment address, not a person.'],
		[/^otpauth:/i, 'This QR code sets up two-factor sign-in. Nothing was saved.'],
		[/^(market|itms-apps|itms-services):/i, 'This QR code opens an app store, not a person.'],
		[
			/^(javascript|data|vbscript|file|blob|about):/i,
			'This QR code holds a script or file link, which the app never opens.'
		]
	];
	for (const [pattern, message] of rules) {
		if (pattern.test(t)) return message;
	}
	return null;
}
