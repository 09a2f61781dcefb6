import type { CardErrors } from '$lib/domain/card/my-card';
import type { SharedCard } from '$lib/domain/card/share-link';
import { cleanLine } from '$lib/domain/text/display';
import { h } from './dom';
import type { SendBackResult } from './send-back-result';

interface FieldSpec {
	key: string;
	label: string;
	hint?: string;
	type?: string;
	autocomplete?: string;
	required?: '';
	maxlength?: string;
}

const FIELDS = [
	{ key: 'name', label: 'Your name', autocomplete: 'name', required: '' },
	{ key: 'title', label: 'Job title', autocomplete: 'organization-title' },
	{ key: 'company', label: 'Company', autocomplete: 'organization' },
	{ key: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
	{ key: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel' },
	{ key: 'met', label: 'Where we met (optional)', hint: 'Goes in the email, to help them remember.', maxlength: '200' }
] as const satisfies readonly FieldSpec[];

export type SendBackFields = Record<(typeof FIELDS)[number]['key'], string>;

// What the visitor types stays in this tab until they close it, so a reload loses nothing.
const DRAFT_KEY = 'send-back-draft';
// validateCard's words, here as text: importing them from my-card.ts brings the phone-number library.
const NAME_NEEDED = 'Your name is needed: it is the first thing people see.';

// The full checks (the phone-number library), the QR code and the email: fetched once the visitor
// turns to the form, never with the page.
let checks: Promise<typeof import('./send-back-result')> | undefined;
function loadChecks(): Promise<typeof import('./send-back-result')> {
	checks ??= import('./send-back-result').catch((error: unknown) => {
		checks = undefined;
		throw error;
	});
	return checks;
}

function readDraft(): Partial<SendBackFields> {
	try {
		const saved: unknown = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null');
		return saved && typeof saved === 'object' ? (saved as Partial<SendBackFields>) : {};
	} catch {
		return {}; // A damaged draft is only a draft.
	}
}

/** One labelled input (as the app's TextField): its error shown under it and announced with it. */
function textField({ key, label, hint: hintText, ...attributes }: FieldSpec, value: unknown) {
	const id = `back-${key}`;
	const hint = hintText ? h('p', { class: 'hint', id: `${id}-hint` }, hintText) : null;
	const input = h('input', { id, type: 'text', ...attributes });
	input.value = typeof value === 'string' ? value : '';
	const error = h('p', { class: 'error', id: `${id}-error` });
	const wrapper = h('div', { class: 'field' }, h('label', { for: id }, label), hint, input);
	const setError = (message: string | undefined) => {
		error.textContent = message ?? '';
		if (message) wrapper.append(error);
		else error.remove();
		if (message) input.setAttribute('aria-invalid', 'true');
		else input.removeAttribute('aria-invalid');
		const describedBy = [hint && `${id}-hint`, message && `${id}-error`].filter(Boolean).join(' ');
		if (describedBy) input.setAttribute('aria-describedby', describedBy);
		else input.removeAttribute('aria-describedby');
	};
	setError(undefined);
	return { key, input, wrapper, setError };
}

/** "Send yours back": the visitor's details, made into a code to show and an email to the owner. */
export function sendBackForm(owner: SharedCard): HTMLElement[] {
	const draft = readDraft();
	const fields = FIELDS.map((spec) => textField(spec, draft[spec.key]));
	const problem = h('p', { class: 'error', role: 'alert' });
	const form = h(
		'form',
		{ novalidate: '', 'aria-labelledby': 'send-back-heading' },
		h('h2', { id: 'send-back-heading' }, 'Send yours back'),
		h(
			'p',
			{},
			`Give ${owner.name} your details: as a code for them to scan, or as an email from you. Nothing is uploaded: what you type stays on this phone until you show or send it.`
		),
		...fields.map((field) => field.wrapper),
		h('button', { class: 'button primary', type: 'submit' }, 'Make my card'),
		problem
	);
	const resultSlot = h('div');
	let result: SendBackResult | null = null;
	let latest = 0;

	const values = () => Object.fromEntries(fields.map((f) => [f.key, f.input.value])) as SendBackFields;
	const showErrors = (errors: CardErrors) => {
		for (const field of fields) field.setError(errors[field.key as keyof CardErrors]);
		const first = fields.find((field) => field.key in errors);
		if (first) {
			result = null;
			resultSlot.replaceChildren();
			first.input.focus();
		}
		return !!first;
	};

	form.addEventListener('focusin', () => void loadChecks().catch(() => undefined), { once: true });
	form.addEventListener('input', (event) => {
		try {
			sessionStorage.setItem(DRAFT_KEY, JSON.stringify(values()));
		} catch {
			// Private browsing without storage: the form still works.
		}
		if (result && (event.target as HTMLElement).id === 'back-met') result.setMet(values().met);
	});
	async function submit(event: SubmitEvent) {
		event.preventDefault();
		const submitted = values();
		const attempt = ++latest;
		problem.textContent = '';
		// A missing name is said at once, before the full checks have loaded (validateCard says the same).
		if (!cleanLine(submitted.name)) showErrors({ name: NAME_NEEDED });
		let made: typeof import('./send-back-result');
		try {
			made = await loadChecks();
		} catch {
			problem.textContent =
				'Your card could not be made: part of this page did not load. Check the connection and try again.';
			return;
		}
		if (attempt !== latest) return;
		const { card, errors } = made.checkCard(submitted);
		if (showErrors(errors)) return;
		result = made.resultView(owner, card, submitted.met);
		resultSlot.replaceChildren(result.element);
		result.heading.focus();
	}
	form.addEventListener('submit', (event) => void submit(event));
	return [form, resultSlot];
}
