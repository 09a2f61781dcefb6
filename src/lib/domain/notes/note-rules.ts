import { cleanMultiline } from '../text/display';

/**
 * The note is what turns a scan into a relationship: a follow-up can only be personal if we know
 * what was talked about. These rules refuse notes that could be said of anyone.
 */

// Words that carry no topic: greetings, politeness, filler and the words of "we met at the event".
const FILLER = new Set(
	(
		'hi hey hello hiya yo hola bonjour hallo salut ciao servus moin ' +
		'nice great good cool awesome lovely fun fine amazing interesting pleasure pleasant ' +
		'chat chats chatted chatting talk talks talked talking spoke speak conversation convo ' +
		'meet meets met meeting meetup see seeing saw connect connected connecting connection ' +
		"to you u ya the a an at with and or of for in on by from was were is it its it’s it's " +
		'we i me my our us they them he she him her this that there here about ' +
		'person guy gal someone somebody people contact contacts card business ' +
		'event events conference conf booth expo summit day today ' +
		'thanks thank thx ty merci danke gracias ' +
		'ok okay k yes yeah no na n/a none nothing nada test testing tbd todo tba ' +
		'follow up followup follow-up networking network stuff things etc misc really very so ' +
		'quick short brief just some general generic random again later soon ' +
		'too also likewise enjoyed enjoy glad happy pleased wonderful fantastic super brilliant excellent ' +
		'keep touch cheers regards best lol haha hehe xd wow yay thx ' +
		'catch caught up speak'
	).split(/\s+/)
);

export type NoteVerdict = { ok: true } | { ok: false; reason: 'empty' | 'stock'; message: string };

function words(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}'’/-]+/u)
		.map((w) => w.replace(/^['’/-]+|['’/-]+$/g, ''))
		.filter(Boolean);
}

/** A word that names something: not filler, not a key-mash like "asdf" or "xxx". */
function isTopicWord(word: string): boolean {
	if (FILLER.has(word)) return false;
	if (/^(.)\1+$/u.test(word)) return false;
	if (['asdf', 'qwerty', 'asdfgh', 'jkl', 'lorem', 'ipsum', 'blah', 'foo', 'bar'].includes(word)) return false;
	// Latin-script words of one letter say nothing; one CJK character can be a whole word.
	return word.length >= 2 || /[^\p{Script=Latin}\p{N}]/u.test(word);
}

/**
 * Decides whether a note says what the conversation was about. Refuses an empty note and stock
 * phrases ("nice chat", "great to meet you", "hi"), saying why in words the user can act on.
 */
export function checkNote(note: string): NoteVerdict {
	const text = cleanMultiline(note);
	if (!text) {
		return { ok: false, reason: 'empty', message: 'Write what you talked about to save this contact.' };
	}
	if (!words(text).some(isTopicWord)) {
		return {
			ok: false,
			reason: 'stock',
			message: `“${text.slice(0, 40)}” could be said of anyone. Add what you talked about — a topic, a question, a name.`
		};
	}
	return { ok: true };
}
