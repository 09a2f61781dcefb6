import type { Channel, MessageDraft } from '../capture/records';
import { isE164, isStoredEmail } from '../contact/fields';
import { safeHttpUrl } from '../text/display';

export interface ChannelLink {
	channel: Channel;
	label: string;
	/** Where the link goes; null for channels that only copy the message. */
	href: string | null;
}

/**
 * What a channel without a subject line carries: the body alone (LinkedIn, SMS, WhatsApp). A
 * "Following up on…" line on top of a chat message reads like a form letter.
 */
export function messageText(message: MessageDraft): string {
	return message.body;
}

/**
 * What a Copy button puts on the clipboard. Copied for LinkedIn: the body alone, as above. The
 * plain Copy is for sending another way, most often another mail app: subject, a blank line and
 * the body, so the subject is there to paste into its subject field (and is easy to cut).
 */
export function copiedText(message: MessageDraft, forChannel: 'linkedin' | 'copy'): string {
	return forChannel === 'linkedin' ? messageText(message) : `${message.subject}\n\n${message.body}`;
}

/**
 * The channel "Sent by" starts on: the first one this person's details allow — email, then
 * LinkedIn, then their phone (SMS) — else a copied message sent another way.
 */
export function defaultChannel(person: { email: string; phone: string; linkedin: string } | null): Channel {
	if (!person) return 'copy';
	if (isStoredEmail(person.email)) return 'email';
	if (safeHttpUrl(person.linkedin)) return 'linkedin';
	if (isE164(person.phone)) return 'sms';
	return 'copy';
}

/**
 * The ways to send a follow-up to this person, only those their details allow: email (subject
 * and body encoded in the mailto: link), LinkedIn (open the profile; the body is copied), SMS and
 * WhatsApp (wa.me with the E.164 number), both with the body alone, and Copy.
 */
export function channelLinks(
	person: { email: string; phone: string; linkedin: string },
	message: MessageDraft
): ChannelLink[] {
	const links: ChannelLink[] = [];
	// RFC 6068: line breaks in a mailto: body are CRLF.
	const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
	if (isStoredEmail(person.email)) {
		links.push({
			channel: 'email',
			label: 'Email',
			href: `mailto:${person.email}?subject=${encode(message.subject)}&body=${encode(message.body)}`
		});
	}
	const linkedin = safeHttpUrl(person.linkedin);
	if (linkedin) links.push({ channel: 'linkedin', label: 'LinkedIn', href: linkedin });
	if (isE164(person.phone)) {
		const text = encode(messageText(message));
		links.push({ channel: 'sms', label: 'SMS', href: `sms:${person.phone}?body=${text}` });
		links.push({ channel: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/${person.phone.slice(1)}?text=${text}` });
	}
	links.push({ channel: 'copy', label: 'Copy', href: null });
	return links;
}
