import { bare, findDue } from './common';
import { lookup, words } from './iberian';
import type { DueHint } from './types';

const WEEKDAYS: Record<string, number> = bare({
	dom: 0,
	lun: 1,
	mar: 2,
	mié: 3,
	mie: 3,
	jue: 4,
	vie: 5,
	sáb: 6,
	sab: 6
});
const NUMBERS: Record<string, number> = bare({ un: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5 });

const DUE: [RegExp, (m: RegExpExecArray) => DueHint][] = [
	[
		words(
			String.raw`\b(?:para\s+|antes\s+del?\s+|hasta\s+el\s+|el\s+|este\s+|el\s+pr[oó]ximo\s+|pr[oó]ximo\s+)*(lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)\b`
		),
		(m) => ({ kind: 'weekday', day: lookup(WEEKDAYS, m[1]!.slice(0, 3).toLowerCase()) ?? 5 })
	],
	[
		words(String.raw`\b(?:antes\s+de(?:l)?\s+|para\s+(?:el\s+)?|a\s+)?(?:final|fin)\s+de(?:l)?\s+mes\b`),
		() => ({ kind: 'end-of-month' })
	],
	[
		words(
			String.raw`\b(?:antes\s+de(?:l)?\s+|para\s+(?:el\s+)?|a\s+)?(?:final|fin)\s+de\s+(?:la\s+|esta\s+)?semana\b|\b(?:antes\s+del\s+)?finde\b`
		),
		() => ({ kind: 'end-of-week' })
	],
	[
		words(
			String.raw`\b(?:(?:durante|en|para|a lo largo de)\s+)?(?:la\s+)?(?:semana\s+que\s+viene|pr[oó]xima\s+semana)\b`
		),
		() => ({ kind: 'next-week' })
	],
	[words(String.raw`\b(?:(?:durante|en|para)\s+)?esta\s+semana\b`), () => ({ kind: 'end-of-week' })],
	[words(String.raw`\b(?:para\s+)?pasado\s+ma[ñn]ana\b`), () => ({ kind: 'days', days: 2 })],
	[words(String.raw`(?<!\bpor la\s)\b(?:para\s+)?ma[ñn]ana\b`), () => ({ kind: 'days', days: 1 })],
	[words(String.raw`\b(?:hoy|cuanto antes|lo antes posible|asap)\s*$`), () => ({ kind: 'days', days: 0 })],
	[
		words(String.raw`\ben\s+(\d+|un|una|dos|tres|cuatro|cinco)\s+(días?|dias?|semanas?)\b`),
		(m) => ({
			kind: 'days',
			days: (Number(m[1]) || lookup(NUMBERS, m[1]!.toLowerCase()) || 1) * (/semana/i.test(m[2]!) ? 7 : 1)
		})
	]
];

// "Me pidió una demo la semana que viene", "quedó en mandarlo el lunes": when they want it, or their promise.
const THEIRS = words(
	String.raw`\b(?:pidió|pidio|pide|pidieron|solicitó|quiere|quieren|necesita|necesitan|quedó|quedaron)\b`
);

/** A due phrase anywhere in a to-do ("le mando la doc el lunes"); the to-do without it. */
export function due(todo: string): { rest: string; due: DueHint | null } {
	if (THEIRS.test(todo)) return { rest: todo, due: null };
	return findDue(DUE, todo);
}
