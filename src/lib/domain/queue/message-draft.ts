import type { MessageDraft } from '../capture/records';
import { cleanLine } from '../text/display';

// "Talked about X", "We discussed X", "Re: X": the words before the topic itself.
const LEAD_IN =
	/^(?:(?:we|i)\s+)?(?:talked|chatted|spoke|discussed|talking|chatting|conversation|chat)(?:\s+(?:about|on|re|regarding|over))?[\s:,-]+|^(?:about|re|regarding|topic)[\s:,-]+/i;

/**
 * The topic of a conversation as written in its note: the first clause, without lead-ins like
 * "Talked about", kept short enough for a subject line.
 */
export function topicOf(note: string): string {
	const firstLine = cleanLine(note.split(/\r?\n/).find((line) => line.trim()) ?? '', 500);
	let topic = firstLine.split(/[.!?;]\s|[.!?;]$|\s[–—-]\s/)[0] ?? '';
	topic = topic
		.replace(LEAD_IN, '')
		.replace(/[\s,:;.!?-]+$/, '')
		.trim();
	if (topic.length > 70) topic = topic.slice(0, 70).replace(/\s+\S*$/, '') + '…';
	return topic || 'our conversation';
}

/**
 * A promise turned into the message's offer: "Send the article on X" → "Here is the article on X
 * I promised."; "Intro to Kenji" → "As promised, I'd like to introduce you to Kenji."
 */
export function promiseAsOffer(promise: string): string {
	const text = cleanLine(promise, 300).replace(/[.!]+$/, '');
	const send = /^(?:send|share|forward|email|mail|pass on|give|get)(?:\s+(?:you|her|him|them))?\s+(.+)$/i.exec(text);
	if (send?.[1]) return `Here is ${send[1]} I promised.`;
	const intro = /^(?:intro(?:duce)?|connect)(?:\s+(?:you|her|him|them))?\s+(?:to|with)\s+(.+)$/i.exec(text);
	if (intro?.[1]) return `As promised, I'd like to introduce you to ${intro[1]}.`;
	return `As promised: ${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}

export interface DraftInput {
	myName: string;
	theirName: string;
	note: string;
	eventName?: string;
	/** Promises still open for this conversation. */
	promises: readonly string[];
	/** "How I can help" from the conversation. */
	helpOffer?: string;
	/** "I can help with…" from my card. */
	myHelpWith?: string;
	checkIn?: boolean;
}

function greetingName(name: string): string {
	const trimmed = cleanLine(name);
	if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(trimmed)) return trimmed;
	return trimmed.split(' ')[0] || trimmed;
}

/**
 * A personal follow-up message: the subject and the first sentence name what was talked about,
 * each promise becomes an offer, and with nothing promised it offers help first.
 */
export function draftMessage(input: DraftInput): MessageDraft {
	const topic = input.note.trim() ? topicOf(input.note) : '';
	const at = input.eventName ? ` at ${cleanLine(input.eventName)}` : '';
	const opening = input.checkIn
		? topic
			? `It has been a while since we talked about ${topic}${at}: how is it going?`
			: 'It has been a while since we spoke: how are things going?'
		: `Thanks for the conversation about ${topic || 'your work'}${at}.`;
	const offers = input.promises.map(promiseAsOffer);
	const help = cleanLine(input.helpOffer ?? '', 300).replace(/[.!]+$/, '');
	const mine = cleanLine(input.myHelpWith ?? '', 200).replace(/[.!]+$/, '');
	if (!offers.length) {
		if (help) offers.push(`I'd be glad to help: ${help.charAt(0).toLowerCase()}${help.slice(1)}.`);
		else if (mine) offers.push(`If it is useful, I can help with ${mine}.`);
		else if (topic) offers.push(`Is there anything I can do to help with ${topic}?`);
		else offers.push('Is there anything I can help with?');
	}
	const subject = topic
		? `${input.checkIn ? 'Checking in' : 'Following up'} on ${topic}`
		: input.checkIn
			? 'Checking in'
			: 'Following up';
	const body = [
		`Hi ${greetingName(input.theirName)},`,
		'',
		opening,
		offers.join(' '),
		'',
		'Best,',
		cleanLine(input.myName)
	].join('\n');
	return { subject, body };
}
