// The card page (c.html): reads the card from the link's fragment, which the browser never sends to
// a server, and shows it with "Save contact" and "Send yours back". Text only: every field is set
// as text (dom.ts), never parsed as HTML.
import '../app.css';
import './card-page.css';
import { sharedCardToVCard } from '$lib/domain/card/card-vcard';
import { decodeCardFragment, type SharedCard } from '$lib/domain/card/share-link';
// The two device helpers it needs, directly: $lib/state/device also reaches the database (reminders).
import { downloadBlob, fileNameFor } from '$lib/adapters/device/files';
import { cardView } from './card-view';
import { h } from './dom';
import { sendBackForm } from './send-back-form';

const root = document.getElementById('main')!;

function saveButton(card: SharedCard, status: HTMLElement): HTMLElement {
	const button = h('button', { class: 'button primary', type: 'button' }, 'Save contact');
	button.addEventListener('click', () => {
		try {
			const vcard = sharedCardToVCard(card);
			downloadBlob(new Blob([vcard], { type: 'text/vcard' }), fileNameFor(card.name, 'vcf'));
			status.textContent = 'Contact file downloaded: open it to add the contact.';
		} catch {
			status.textContent = 'The contact could not be saved. Try again, or copy the details by hand.';
		}
	});
	return h('div', { class: 'button-row' }, button);
}

function appLink(): HTMLElement {
	const link = h('a', { href: '/' }, 'Make your own card and follow up within 48 hours');
	return h('p', { class: 'app-link' }, 'Met people at an event? ', link, '.');
}

function show(): void {
	const decoded = decodeCardFragment(location.hash);
	if (!decoded.ok) {
		document.title = 'Contact card';
		root.replaceChildren(h('h1', {}, 'Card not readable'), h('p', { role: 'alert' }, decoded.message), appLink());
		return;
	}
	const { card } = decoded;
	document.title = `${card.name} — contact card`;
	const status = h('p', { role: 'status' });
	root.replaceChildren(
		cardView(card),
		saveButton(card, status),
		status,
		h(
			'p',
			{ class: 'private' },
			h('strong', {}, 'Nothing is uploaded.'),
			' This card travels inside the link itself, after the “#”, which browsers never send to a server. This page reads it on your phone.'
		),
		// Another card opened in this tab starts a fresh answer.
		...sendBackForm(card),
		appLink()
	);
}

show();
window.addEventListener('hashchange', show);
