// TEST TOOL for the second card set: the card faces, as HTML, from what printed business cards look
// like: logo and company at the top or in a coloured band, name and title, then the contact lines;
// two columns (who / how to reach), portrait cards, centred minimal cards, a row of contacts along
// a footer band, a QR beside the text; plain, linen, kraft and speckled paper, dark cards; labels as
// words, letters or icons; sometimes two fields on one line. Fonts are Debian's (see FONTS), named
// by @font-face local() so a missing font fails the run instead of falling back unseen.

/** @typedef {'serif' | 'display' | 'rounded' | 'condensed' | 'sans' | 'slab' | 'script'} FontKind */
/** @typedef {{ family: string, kind: FontKind, regular: string[], bold: string[], caps?: boolean }} Font */

/** @type {Font[]} */
export const FONTS = [
	{
		family: 'EB Garamond',
		kind: 'serif',
		regular: ['EB Garamond 12 Regular', 'EBGaramond12-Regular'],
		bold: ['EB Garamond 12 Bold', 'EBGaramond12-Bold']
	},
	{
		family: 'Vollkorn',
		kind: 'serif',
		regular: ['Vollkorn Regular', 'Vollkorn-Regular'],
		bold: ['Vollkorn Bold', 'Vollkorn-Bold']
	},
	{
		family: 'Gentium Plus',
		kind: 'serif',
		regular: ['Gentium Plus', 'GentiumPlus'],
		bold: ['Gentium Plus Bold', 'GentiumPlus-Bold']
	},
	{ family: 'C059', kind: 'serif', regular: ['C059 Roman', 'C059-Roman'], bold: ['C059 Bold', 'C059-Bold'] },
	{ family: 'P052', kind: 'serif', regular: ['P052 Roman', 'P052-Roman'], bold: ['P052 Bold', 'P052-Bold'] },
	{
		family: 'Noto Serif Display',
		kind: 'display',
		regular: ['Noto Serif Display Regular', 'NotoSerifDisplay-Regular'],
		bold: ['Noto Serif Display Bold', 'NotoSerifDisplay-Bold']
	},
	{
		family: 'Bebas Neue',
		kind: 'display',
		regular: ['BebasNeueRegular', 'Bebas Neue Regular'],
		bold: ['BebasNeueBold', 'Bebas Neue Bold'],
		caps: true
	},
	{
		family: 'League Spartan',
		kind: 'display',
		regular: ['League Spartan Regular', 'LeagueSpartan-Regular'],
		bold: ['League Spartan Bold', 'LeagueSpartan-Bold']
	},
	{
		family: 'Lobster Two',
		kind: 'script',
		regular: ['LobsterTwo', 'Lobster Two'],
		bold: ['LobsterTwo-Bold', 'Lobster Two Bold']
	},
	{
		family: 'Comfortaa',
		kind: 'rounded',
		regular: ['Comfortaa Regular', 'Comfortaa-Regular'],
		bold: ['Comfortaa Bold', 'Comfortaa-Bold']
	},
	{
		family: 'Quicksand',
		kind: 'rounded',
		regular: ['Quicksand Regular', 'Quicksand-Regular'],
		bold: ['Quicksand Bold', 'Quicksand-Bold']
	},
	{ family: 'Dosis', kind: 'rounded', regular: ['Dosis Medium', 'Dosis-Medium'], bold: ['Dosis Bold', 'Dosis-Bold'] },
	{
		family: 'Roboto Condensed',
		kind: 'condensed',
		regular: ['Roboto Condensed', 'RobotoCondensed-Regular'],
		bold: ['Roboto Condensed Bold', 'RobotoCondensed-Bold']
	},
	{
		family: 'Open Sans Condensed',
		kind: 'condensed',
		regular: ['Open Sans Condensed Light', 'OpenSans-CondensedLight'],
		bold: ['Open Sans Condensed Bold', 'OpenSans-CondensedBold']
	},
	{
		family: 'Liberation Sans Narrow',
		kind: 'condensed',
		regular: ['Liberation Sans Narrow', 'LiberationSansNarrow'],
		bold: ['Liberation Sans Narrow Bold', 'LiberationSansNarrow-Bold']
	},
	{
		family: 'Yanone Kaffeesatz',
		kind: 'condensed',
		regular: ['Yanone Kaffeesatz Regular', 'YanoneKaffeesatz-Regular'],
		bold: ['Yanone Kaffeesatz Bold', 'YanoneKaffeesatz-Bold']
	},
	{ family: 'Lato', kind: 'sans', regular: ['Lato Regular', 'Lato-Regular'], bold: ['Lato Bold', 'Lato-Bold'] },
	{
		family: 'Cantarell',
		kind: 'sans',
		regular: ['Cantarell Regular', 'Cantarell-Regular'],
		bold: ['Cantarell Bold', 'Cantarell-Bold']
	},
	{ family: 'Cabin', kind: 'sans', regular: ['Cabin Regular', 'Cabin-Regular'], bold: ['Cabin Bold', 'Cabin-Bold'] },
	{ family: 'Inter', kind: 'sans', regular: ['Inter Regular', 'Inter-Regular'], bold: ['Inter Bold', 'Inter-Bold'] },
	{
		family: 'URW Gothic',
		kind: 'sans',
		regular: ['URW Gothic Book', 'URWGothic-Book'],
		bold: ['URW Gothic Demi', 'URWGothic-Demi']
	},
	{
		family: 'Roboto Slab',
		kind: 'slab',
		regular: ['Roboto Slab Regular', 'RobotoSlab-Regular'],
		bold: ['Roboto Slab Bold', 'RobotoSlab-Bold']
	},
	{ family: 'Jura', kind: 'sans', regular: ['Jura Medium', 'Jura-Medium'], bold: ['Jura Bold', 'Jura-Bold'] }
];

/** Fonts for the small print (contacts) when the name is set in a display or script face. */
export const BODY_FONTS = FONTS.filter((f) => ['sans', 'condensed', 'serif', 'rounded'].includes(f.kind));

export const LAYOUTS = [
	'top-left',
	'two-column',
	'portrait',
	'centred',
	'side-band',
	'footer-row',
	'qr-right',
	'wide-caps'
];

/** @param {string} text */
export const esc = (text) =>
	String(text).replace(
		/[&<>"']/g,
		(ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch
	);

/** @param {Font[]} fonts */
export function fontFaces(fonts) {
	return fonts
		.flatMap((f) => [
			`@font-face{font-family:"B ${f.family}";font-weight:400;src:${f.regular.map((n) => `local("${n}")`).join(',')}}`,
			`@font-face{font-family:"B ${f.family}";font-weight:700;src:${f.bold.map((n) => `local("${n}")`).join(',')}}`
		])
		.join('\n');
}

/** @param {Font} font */
export const stack = (font) => `'B ${font.family}'`;

// Single quotes: these go into style="…" attributes.
const svgUrl = (svg) => `url('data:image/svg+xml,${encodeURIComponent(svg)}')`;

/** Paper: colour plus a texture layer (fibres, weave or speckles). */
export function paperCss(theme) {
	const grain = (freq, opacity, tone) =>
		svgUrl(
			`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><filter id="n"><feTurbulence type="fractalNoise" baseFrequency="${freq}" numOctaves="3" stitchTiles="stitch"/><feColorMatrix values="0 0 0 0 ${tone} 0 0 0 0 ${tone} 0 0 0 0 ${tone} 0 0 0 ${opacity} 0"/></filter><rect width="300" height="300" filter="url(#n)"/></svg>`
		);
	switch (theme.paper) {
		case 'linen':
			return `background:repeating-linear-gradient(0deg,rgba(0,0,0,.035) 0 1px,transparent 1px 3px),repeating-linear-gradient(90deg,rgba(0,0,0,.03) 0 1px,transparent 1px 4px),${theme.bg}`;
		case 'kraft':
			return `background:${grain(0.8, 0.35, 0.25)},${grain(0.05, 0.18, 0.4)},${theme.bg}`;
		case 'speckle':
			return `background:${grain(1.6, 0.22, theme.dark ? 0.9 : 0.1)},${theme.bg}`;
		case 'cotton':
			return `background:${grain(0.5, 0.12, theme.dark ? 0.8 : 0.3)},${theme.bg}`;
		default:
			return `background:${theme.bg}`;
	}
}

/** Small marks a company might use; `ink` and `accent` are CSS colours. */
export function markSvg(shape, size, ink, accent) {
	const s = size;
	const inner = {
		arcs: `<path d="M10 70 A40 40 0 0 1 90 70" fill="none" stroke="${accent}" stroke-width="12"/><path d="M28 70 A22 22 0 0 1 72 70" fill="none" stroke="${ink}" stroke-width="10"/>`,
		chevrons: `<path d="M15 20 L50 50 L15 80" fill="none" stroke="${accent}" stroke-width="12"/><path d="M45 20 L80 50 L45 80" fill="none" stroke="${ink}" stroke-width="12"/>`,
		leaf: `<path d="M50 90 C10 60 15 20 85 12 C85 60 70 85 50 90 Z" fill="${accent}"/><path d="M50 90 C50 60 60 40 80 18" stroke="${ink}" stroke-width="4" fill="none"/>`,
		dots: [0, 1, 2]
			.flatMap((r) =>
				[0, 1, 2].map(
					(c) =>
						`<circle cx="${20 + c * 30}" cy="${20 + r * 30}" r="${(r + c) % 2 ? 8 : 11}" fill="${(r + c) % 3 ? ink : accent}"/>`
				)
			)
			.join(''),
		hexagon: `<polygon points="50,6 90,28 90,72 50,94 10,72 10,28" fill="none" stroke="${accent}" stroke-width="9"/><polygon points="50,30 70,41 70,63 50,74 30,63 30,41" fill="${ink}"/>`,
		wave: `<path d="M5 60 Q27 30 50 60 T95 60" fill="none" stroke="${accent}" stroke-width="11"/><path d="M5 80 Q27 50 50 80 T95 80" fill="none" stroke="${ink}" stroke-width="7"/>`,
		peaks: `<polygon points="5,88 38,25 60,65 72,45 95,88" fill="${accent}"/><polygon points="30,88 38,70 46,88" fill="${ink}"/>`,
		ring: `<circle cx="50" cy="50" r="38" fill="none" stroke="${accent}" stroke-width="14"/><circle cx="50" cy="50" r="12" fill="${ink}"/>`
	}[shape];
	return `<svg width="${s}" height="${s}" viewBox="0 0 100 100" style="flex:none;display:block">${inner}</svg>`;
}

export const MARKS = ['arcs', 'chevrons', 'leaf', 'dots', 'hexagon', 'wave', 'peaks', 'ring'];

/** Icons used instead of labels. */
function icon(kind, color) {
	const paths = {
		mobile: `<rect x="7" y="2" width="10" height="20" rx="2" fill="none" stroke="${color}" stroke-width="2"/><circle cx="12" cy="18" r="1.3" fill="${color}"/>`,
		phone: `<path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z" fill="${color}"/>`,
		fax: `<rect x="4" y="9" width="16" height="10" fill="none" stroke="${color}" stroke-width="2"/><rect x="7" y="3" width="10" height="6" fill="none" stroke="${color}" stroke-width="2"/>`,
		email: `<rect x="2" y="5" width="20" height="14" rx="1" fill="none" stroke="${color}" stroke-width="2"/><path d="M2 6l10 7 10-7" fill="none" stroke="${color}" stroke-width="2"/>`,
		web: `<circle cx="12" cy="12" r="9" fill="none" stroke="${color}" stroke-width="2"/><path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18" fill="none" stroke="${color}" stroke-width="1.6"/>`,
		linkedin: `<rect x="2" y="2" width="20" height="20" rx="3" fill="${color}"/><rect x="6" y="10" width="3" height="8" fill="#fff"/><circle cx="7.5" cy="7" r="1.7" fill="#fff"/><path d="M11 10h3v1.5c1-2 6-2 6 2V18h-3v-4c0-2-3-2-3 0v4h-3z" fill="#fff"/>`,
		address: `<path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7z" fill="none" stroke="${color}" stroke-width="2"/><circle cx="12" cy="9" r="2.5" fill="${color}"/>`
	};
	return `<svg width="1em" height="1em" viewBox="0 0 24 24" style="vertical-align:-0.15em;margin-right:.45em">${paths[kind]}</svg>`;
}

/**
 * One contact line: items side by side ("M 010-9416-5072   E ji-woo@…").
 * @param {any} card
 * @param {Array<{ kind: string, label: string, text: string }>} items
 */
function contactLine(card, items) {
	return `<div style="white-space:nowrap">${items
		.map((item) => {
			let label = '';
			if (card.labelStyle === 'icon') label = icon(item.kind, card.theme.accent);
			else if (item.label)
				label = `<span style="color:${card.theme.accent};font-weight:700;margin-right:.35em">${esc(item.label)}</span>`;
			return `<span>${label}${esc(item.text)}</span>`;
		})
		.join(
			`<span style="display:inline-block;width:1.4em;text-align:center;color:${card.theme.muted}">${card.separator}</span>`
		)}</div>`;
}

function contactsBlock(card, align = 'left', size = card.contactSize) {
	return `<div style="font-family:${stack(card.bodyFont)};font-size:${size}px;line-height:1.45;text-align:${align}">${card.contacts.map((line) => contactLine(card, line)).join('')}</div>`;
}

function logoBlock(card, size = 46) {
	const { theme } = card;
	const mark = markSvg(card.mark, size, theme.ink, theme.accent);
	if (card.logoStyle === 'mark') return mark;
	const word = `<span style="font-family:${stack(card.logoFont)};font-weight:700;font-size:${card.wordmarkSize}px;letter-spacing:${card.wordmarkSpacing}em;white-space:nowrap;color:${theme.logoInk}">${esc(card.wordmark)}</span>`;
	return `<div style="display:flex;align-items:center;gap:10px">${card.logoStyle === 'wordmark' ? '' : mark}${word}</div>`;
}

function whoBlock(card, align = 'left') {
	const { theme } = card;
	return `<div style="text-align:${align}">
		<div style="font-family:${stack(card.nameFont)};font-weight:${card.nameWeight};font-size:${card.nameSize}px;line-height:1.1;letter-spacing:${card.nameSpacing}em;white-space:nowrap;color:${theme.nameInk}">${esc(card.nameText)}</div>
		${card.title ? `<div style="font-family:${stack(card.bodyFont)};font-size:${card.titleSize}px;margin-top:5px;white-space:nowrap;color:${theme.accentText}">${esc(card.titleText)}</div>` : ''}
		${card.department ? `<div style="font-family:${stack(card.bodyFont)};font-size:${card.contactSize - 1}px;margin-top:2px;color:${theme.muted}">${esc(card.department)}</div>` : ''}
	</div>`;
}

function orgLine(card, align = 'left') {
	if (!card.orgText) return '';
	return `<div style="font-family:${stack(card.bodyFont)};font-weight:700;font-size:${card.orgSize}px;text-align:${align};color:${card.theme.ink}">${esc(card.orgText)}</div>`;
}

function smallPrint(card, align = 'left') {
	const parts = [];
	if (card.address)
		parts.push(`<div>${card.labelStyle === 'icon' ? icon('address', card.theme.muted) : ''}${esc(card.address)}</div>`);
	if (card.tagline) parts.push(`<div style="font-style:italic">${esc(card.tagline)}</div>`);
	if (!parts.length) return '';
	return `<div style="font-family:${stack(card.bodyFont)};font-size:${card.contactSize - 2}px;line-height:1.4;color:${card.theme.muted};text-align:${align}">${parts.join('')}</div>`;
}

function qrBlock(card, size) {
	if (!card.qr) return '';
	return `<div style="width:${size}px;height:${size}px;flex:none;background:#fff;padding:4px;box-sizing:border-box">${card.qr.replace('<svg ', `<svg width="${size - 8}" height="${size - 8}" `)}</div>`;
}

const sizes = { eu: [600, 388], us: [600, 343], portrait: [388, 600] };

/** The card face, its outer box sized in CSS pixels. */
export function cardHtml(card) {
	const [w, h] = sizes[card.size];
	const t = card.theme;
	const box = `position:relative;width:${w}px;height:${h}px;box-sizing:border-box;overflow:hidden;color:${t.ink};${paperCss(t)};border-radius:${card.radius}px`;
	const pad = card.padding;
	switch (card.layout) {
		case 'top-left':
			return `<div style="${box};padding:${pad}px;display:flex;flex-direction:column;justify-content:space-between">
				<div style="display:flex;justify-content:space-between;align-items:flex-start;gap:24px">${logoBlock(card)}${card.qr ? qrBlock(card, 96) : ''}</div>
				<div>${whoBlock(card)}${card.orgUnderName ? `<div style="margin-top:4px">${orgLine(card)}</div>` : ''}</div>
				<div style="display:flex;justify-content:space-between;align-items:flex-end;gap:16px">${contactsBlock(card)}${smallPrint(card, 'right')}</div>
			</div>`;
		case 'two-column':
			return `<div style="${box};padding:${pad}px;display:grid;grid-template-columns:minmax(0,5fr) minmax(0,6fr);gap:20px">
				<div data-box style="display:flex;flex-direction:column;justify-content:space-between">${logoBlock(card, 40)}<div>${whoBlock(card)}${card.orgUnderName ? orgLine(card) : ''}</div></div>
				<div data-box style="border-left:2px solid ${t.accent};padding-left:18px;display:flex;flex-direction:column;justify-content:center;gap:10px">${contactsBlock(card)}${smallPrint(card)}</div>
			</div>`;
		case 'portrait':
			return `<div style="${box};padding:${pad}px ${pad - 6}px;display:flex;flex-direction:column;align-items:center;justify-content:space-between;text-align:center">
				<div style="display:flex;flex-direction:column;align-items:center;gap:8px">${logoBlock(card, 64)}</div>
				<div>${whoBlock(card, 'center')}${card.orgUnderName ? `<div style="margin-top:6px">${orgLine(card, 'center')}</div>` : ''}</div>
				<div style="width:60%;border-top:1px solid ${t.muted}"></div>
				${contactsBlock(card, 'center')}
				${card.qr ? qrBlock(card, 88) : smallPrint(card, 'center')}
			</div>`;
		case 'centred':
			return `<div style="${box};padding:${pad}px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:14px;text-align:center">
				${logoBlock(card, 38)}
				${whoBlock(card, 'center')}
				${card.orgUnderName ? orgLine(card, 'center') : ''}
				<div style="width:40px;border-top:2px solid ${t.accent}"></div>
				${contactsBlock(card, 'center')}
				${smallPrint(card, 'center')}
			</div>`;
		case 'side-band':
			return `<div style="${box};display:flex">
				<div data-box style="width:34%;background:${t.band};display:flex;align-items:center;justify-content:center;padding:14px;box-sizing:border-box">${logoBlock({ ...card, theme: { ...t, ink: t.bandInk, logoInk: t.bandInk, accent: t.bandAccent } }, 54)}</div>
				<div data-box style="flex:1;min-width:0;padding:${pad}px;display:flex;flex-direction:column;justify-content:space-between">
					<div>${whoBlock(card)}${card.orgUnderName ? `<div style="margin-top:6px">${orgLine(card)}</div>` : ''}</div>
					${contactsBlock(card)}${smallPrint(card)}
				</div>
			</div>`;
		case 'footer-row':
			return `<div style="${box};display:flex;flex-direction:column">
				<div style="flex:1;padding:${pad}px ${pad}px 12px;display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-start;gap:12px 28px">
					${logoBlock(card)}
					<div>${whoBlock(card, 'right')}${card.orgUnderName ? `<div style="margin-top:4px">${orgLine(card, 'right')}</div>` : ''}</div>
				</div>
				${card.tagline || card.address ? `<div style="padding:0 ${pad}px 8px">${smallPrint(card)}</div>` : ''}
				<div style="background:${t.band};color:${t.bandInk};padding:10px ${pad}px">${contactsBlock({ ...card, theme: { ...t, accent: t.bandAccent, muted: t.bandInk } })}</div>
			</div>`;
		case 'qr-right':
			return `<div style="${box};padding:${pad}px;display:flex;gap:20px;align-items:stretch">
				<div data-box style="flex:1;min-width:0;display:flex;flex-direction:column;justify-content:space-between">
					${logoBlock(card, 40)}
					<div>${whoBlock(card)}${card.orgUnderName ? `<div style="margin-top:4px">${orgLine(card)}</div>` : ''}</div>
					${contactsBlock(card)}
				</div>
				<div data-box style="display:flex;flex-direction:column;justify-content:center;align-items:center;gap:8px;width:150px;flex:none">
					${card.qr ? qrBlock(card, 132) : markSvg(card.mark, 110, t.ink, t.accent)}
					${card.qr && card.qrCaption ? `<div style="font-family:${stack(card.bodyFont)};font-size:11px;color:${t.muted}">${esc(card.qrCaption)}</div>` : ''}
					${smallPrint(card, 'center')}
				</div>
			</div>`;
		case 'wide-caps':
			return `<div style="${box};padding:${pad}px;display:flex;flex-direction:column;justify-content:space-between">
				<div style="display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:12px 28px">${whoBlock(card)}${logoBlock(card, 50)}</div>
				${card.orgUnderName ? orgLine(card) : ''}
				<div style="display:flex;justify-content:space-between;align-items:flex-end;gap:24px">${smallPrint(card)}${contactsBlock(card, 'right')}</div>
			</div>`;
		default:
			throw new Error(`unknown layout ${card.layout}`);
	}
}
