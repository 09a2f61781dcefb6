// TEST TOOL: HTML for one business card or badge (tests/support/ocr-cards/generate.mjs). Text is
// escaped: names like O'Brien and companies like Lumen & Co are printed as they are.

const esc = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const FONTS = [
	"'DejaVu Sans'",
	"'DejaVu Sans Condensed', 'DejaVu Sans'",
	"'DejaVu Serif'",
	"'Liberation Sans'",
	"'Liberation Serif'",
	"'Liberation Sans Narrow', 'Liberation Sans'",
	"'DejaVu Sans Mono'",
	"'Liberation Mono'"
];

function logo(shape, color, initials) {
	const shapes = {
		circle: `<circle cx="30" cy="30" r="28" fill="${color}"/>`,
		hexagon: `<polygon points="30,2 55,16 55,44 30,58 5,44 5,16" fill="${color}"/>`,
		triangle: `<polygon points="30,4 57,56 3,56" fill="${color}"/>`,
		square: `<rect x="3" y="3" width="54" height="54" rx="12" fill="${color}"/>`,
		rings: `<circle cx="22" cy="30" r="18" fill="none" stroke="${color}" stroke-width="6"/><circle cx="38" cy="30" r="18" fill="none" stroke="${color}" stroke-width="6"/>`
	};
	const text = initials
		? `<text x="30" y="38" font-size="20" text-anchor="middle" fill="#fff" font-family="DejaVu Sans" font-weight="bold">${esc(initials)}</text>`
		: '';
	return `<svg width="60" height="60" viewBox="0 0 60 60">${shapes[shape]}${text}</svg>`;
}

/** The contact lines as printed: labels, icons or nothing before each value. */
function contactLines(c, style) {
	const lines = [];
	const label = (kind) =>
		({
			none: '',
			short: { phone: 'T: ', mobile: 'M: ', email: 'E: ', url: 'W: ', linkedin: 'in/ ' }[kind],
			long: { phone: 'Tel ', mobile: 'Mobile ', email: 'Email: ', url: 'Web: ', linkedin: 'LinkedIn: ' }[kind],
			icon: { phone: '✆ ', mobile: '☎ ', email: '✉ ', url: '⌂ ', linkedin: '' }[kind]
		})[style];
	if (c.phoneText) lines.push(label(c.mobile ? 'mobile' : 'phone') + c.phoneText);
	if (c.email) lines.push(label('email') + c.email);
	if (c.urlText) lines.push(label('url') + c.urlText);
	if (c.linkedinText) lines.push((style === 'long' ? 'LinkedIn: ' : '') + c.linkedinText);
	if (c.address) lines.push(c.address);
	return lines.map((l) => `<div>${esc(l)}</div>`).join('');
}

function cardShell(c, inner, { width = 700, height = 400 } = {}) {
	const p = c.palette;
	return `<div id="card" style="position:relative;box-sizing:border-box;width:${width}px;height:${height}px;background:${p.bg};color:${p.ink};font-family:${c.font};overflow:hidden">${inner}</div>`;
}

const LAYOUTS = {
	/** Name top left, title, company; contact block at the bottom. */
	classic: (c) =>
		cardShell(
			c,
			`<div style="position:absolute;left:44px;top:40px">
			<div style="font-size:${c.nameSize}px;font-weight:bold">${esc(c.name)}</div>
			<div style="font-size:19px;color:${c.palette.muted};margin-top:4px">${esc(c.title)}</div>
			<div style="font-size:23px;color:${c.palette.accent};margin-top:10px">${esc(c.org)}</div></div>
			<div style="position:absolute;right:40px;top:36px">${logo(c.logo, c.palette.accent, c.initials)}</div>
			<div style="position:absolute;left:44px;bottom:34px;font-size:17px;line-height:1.45">${contactLines(c, c.labels)}</div>`
		),
	/** Everything centred, logo on top. */
	centred: (c) =>
		cardShell(
			c,
			`<div style="text-align:center;padding-top:26px">${logo(c.logo, c.palette.accent, c.initials)}
			<div style="font-size:${c.nameSize}px;font-weight:bold;margin-top:6px">${esc(c.name)}</div>
			<div style="font-size:18px;color:${c.palette.muted}">${esc(c.title)} · ${esc(c.org)}</div>
			<div style="font-size:16px;margin-top:16px;line-height:1.4">${contactLines(c, c.labels)}</div></div>`
		),
	/** A coloured band on the left with the company; the person on the right. */
	band: (c) =>
		cardShell(
			c,
			`<div style="position:absolute;left:0;top:0;bottom:0;width:230px;background:${c.palette.accent};color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center">
			${logo(c.logo, '#ffffff', '')}<div style="font-size:21px;font-weight:bold;margin-top:10px;padding:0 12px">${esc(c.org)}</div></div>
			<div style="position:absolute;left:262px;top:44px;right:20px">
			<div style="font-size:${c.nameSize - 4}px;font-weight:bold">${esc(c.name)}</div>
			<div style="font-size:18px;color:${c.palette.muted};margin-bottom:26px">${esc(c.title)}</div>
			<div style="font-size:16px;line-height:1.5">${contactLines(c, c.labels)}</div></div>`
		),
	/** Company large at the top, the person and details in two columns below. */
	columns: (c) =>
		cardShell(
			c,
			`<div style="position:absolute;left:40px;top:30px;display:flex;align-items:center;gap:14px">${logo(c.logo, c.palette.accent, c.initials)}
			<div style="font-size:25px;font-weight:bold;color:${c.palette.accent}">${esc(c.org)}</div></div>
			<div style="position:absolute;left:40px;bottom:46px;width:290px">
			<div style="font-size:${c.nameSize - 6}px;font-weight:bold">${esc(c.name)}</div>
			<div style="font-size:17px;color:${c.palette.muted}">${esc(c.title)}</div></div>
			<div style="position:absolute;left:360px;bottom:40px;font-size:15px;line-height:1.5">${contactLines(c, c.labels)}</div>`
		),
	/** A conference badge: event banner, large name (sometimes first name on its own line), company. */
	badge: (c) =>
		cardShell(
			c,
			`<div style="background:${c.palette.accent};color:${c.palette.dark ? c.palette.bg : '#fff'};padding:22px 20px;font-size:24px;font-weight:bold;text-align:center">${esc(c.event)}</div>
			<div style="text-align:center;margin-top:60px">
			${c.splitName ? `<div style="font-size:64px;font-weight:bold">${esc(c.first)}</div><div style="font-size:40px;font-weight:bold">${esc(c.last)}</div>` : `<div style="font-size:${c.name.length > 15 ? 40 : 48}px;font-weight:bold">${esc(c.name)}</div>`}
			${c.title ? `<div style="font-size:22px;color:${c.palette.muted};margin-top:14px">${esc(c.title)}</div>` : ''}
			<div style="font-size:28px;margin-top:14px">${esc(c.org)}</div></div>
			<div style="position:absolute;left:0;right:0;bottom:0;padding:16px;text-align:center;font-size:26px;font-weight:bold;letter-spacing:4px;background:${c.palette.ink};color:${c.palette.bg}">${esc(c.role)}</div>`,
			{ width: 480, height: 640 }
		)
};

export const LAYOUT_NAMES = Object.keys(LAYOUTS);

/** The card's HTML. */
export function cardHtml(card) {
	return LAYOUTS[card.layout](card);
}
