import type { Channel, MessageDraft } from '../capture/records';
import { isE164, isStoredEmail } from '../contact/fields';
import { safeHttpUrl } from '../text/display';

export interface ChannelLink {
	channel: Channel;
	label: string;
	/** Where the link goes; null for channels that only copy the message. */
	href: string | null;
}

/** Subject and body as one text, for channels without a subject line. */
export function messageText(message: MessageDraft): string {
	return message.body;
}

/**
 * The ways to send a follow-up to this person, only those their details allow: email (subject
 * and body encoded in the mailto: link), LinkedIn (open the profile; the message is copied),
 * SMS, WhatsApp (wa.me with the E.164 number) and Copy.
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
