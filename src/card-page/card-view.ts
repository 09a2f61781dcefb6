import type { SharedCard } from '$lib/domain/card/share-link';
import { h } from './dom';

/** The card as the page shows it: name, role, and each field it carries (as text, links only to mailto:, tel: and http(s)). */
export function cardView(card: SharedCard): HTMLElement {
	const role = [card.title, card.company].filter(Boolean).join(' · ');
	const entry = (term: string, detail: Node | string) => [h('dt', {}, term), h('dd', {}, detail)];
	const list = h('dl');
	if (card.email) list.append(...entry('Email', h('a', { href: `mailto:${card.email}` }, card.email)));
	if (card.phone) list.append(...entry('Phone', h('a', { href: `tel:${card.phone}` }, card.phone)));
	if (card.link) {
		const link = h('a', { href: card.link, rel: 'noopener noreferrer nofollow external', target: '_blank' }, card.link);
		list.append(...entry('Link', link));
	}
	if (card.helpWith) list.append(...entry('Can help with', card.helpWith));
	return h(
		'article',
		{ class: 'card shared', 'aria-labelledby': 'shared-name' },
		h('h1', { id: 'shared-name' }, card.name),
		role && h('p', { class: 'role' }, role),
		list
	);
}
