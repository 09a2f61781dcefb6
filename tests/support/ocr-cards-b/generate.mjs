// TEST TOOL: node tests/support/ocr-cards-b/generate.mjs [folder] [count] [seed]
// The second, independent set of business-card photos for `npm run bench:ocr` (issue 21), written
// apart from the first set's generator and from the app's card reader. Cards of 29 regions
// (people.mjs: names with accents and particles, titles, departments and labels in the local
// language; phones.mjs: valid numbers in their national and international forms), eight layouts in
// 23 Debian fonts (layouts.mjs), photographed in Debian's Chromium: perspective, rotation, shadow,
// focus and motion blur, colour cast, glare, sensor noise, JPEG; some small in a large frame, some
// taken at low resolution.
//
// Writes <folder>/tuning and <folder>/untouched, `count` cards in all, alternately, so both halves
// have the same layouts and regions in the same proportions. Nobody tunes on `untouched`: read
// only its figures, never its misses. Each <name>.jpg has a <name>.json with what is printed, as
// tests/bench/ocr.mjs reads it: { name, title, org, email, phone (E.164), url, linkedin, region (the
// phone's region, for numbers printed without +) } and, to read the figures by, layout, font, card
// (what is on it) and photo (how it was taken). When a card prints a mobile and an office number,
// `phone` is the mobile; a fax is never `phone`. Seeded: the same arguments and fonts write the same
// set. The committed JPEGs are what the bench reads; to make them again, first:
//   apt-get install -y fonts-ebgaramond fonts-vollkorn fonts-sil-gentiumplus fonts-urw-base35
//     fonts-noto-core fonts-bebas-neue fonts-league-spartan fonts-lobstertwo fonts-comfortaa
//     fonts-quicksand fonts-dosis fonts-roboto-unhinted fonts-open-sans fonts-liberation
//     fonts-yanone-kaffeesatz fonts-lato fonts-cantarell fonts-cabin fonts-inter fonts-roboto-slab
//     fonts-jura
// (a font that is missing stops the run: layouts.mjs names each by @font-face local()).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { launchChromium } from '../browser.mjs';
import { BODY_FONTS, cardHtml, FONTS, fontFaces, LAYOUTS, MARKS } from './layouts.mjs';
import { ascii, LOCALES } from './people.mjs';
import { makeNumber, printedForms } from './phones.mjs';

const root = process.argv[2] ?? 'tests/support/fixtures/ocr-cards-b';
const count = Number(process.argv[3] ?? 80);
const seed = Number(process.argv[4] ?? 2026);
const MAX_BYTES = 150 * 1024;

/** splitmix32: one independent stream per card, from the run's seed and the card's index. */
function stream(...keys) {
	let h = 0x9e3779b9;
	for (const key of keys) h = Math.imul(h ^ key, 0x85ebca6b) ^ (h >>> 13);
	return () => {
		h = (h + 0x9e3779b9) | 0;
		let z = h;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
	};
}

const THEMES = [
	{ bg: '#ffffff', ink: '#1d1d1f', accent: '#c8102e', muted: '#6b6b6b' },
	{ bg: '#fbf8f1', ink: '#2b2a28', accent: '#8a6d3b', muted: '#7a746a', paper: 'cotton' },
	{ bg: '#f2f2ef', ink: '#23303a', accent: '#0f7d8c', muted: '#5f6b73', paper: 'linen' },
	{ bg: '#c9a878', ink: '#2e2014', accent: '#5a2e0e', muted: '#4d3a26', paper: 'kraft' },
	{ bg: '#eef3f8', ink: '#0d2240', accent: '#1f6fd1', muted: '#4b5d73' },
	{ bg: '#fffdf6', ink: '#222222', accent: '#2e7d32', muted: '#6d6d6d', paper: 'speckle' },
	{ bg: '#14213d', ink: '#f4f4f4', accent: '#fca311', muted: '#b8c0cc', dark: true },
	{ bg: '#1e1e1e', ink: '#eaeaea', accent: '#5ad1b0', muted: '#a0a0a0', dark: true },
	{ bg: '#0c3b2e', ink: '#f2efe4', accent: '#e0c36a', muted: '#b9c4b4', dark: true, paper: 'cotton' },
	{ bg: '#5b1a2b', ink: '#fbeff2', accent: '#f3b3c2', muted: '#d9b5bf', dark: true },
	{ bg: '#0a0a0a', ink: '#d9d9d9', accent: '#b0b0b0', muted: '#8c8c8c', dark: true, paper: 'speckle' }
];
const BANDS = [
	['#c8102e', '#ffffff', '#ffd7dc'],
	['#0f4c81', '#ffffff', '#9cc7f0'],
	['#233d2b', '#f5efe0', '#cfe3b0'],
	['#f2a900', '#1b1b1b', '#3a2a00'],
	['#3b3b3b', '#ffffff', '#e6e6e6']
];
const QR_CAPTIONS = {
	en: 'Scan to save my details',
	de: 'Kontakt scannen',
	fr: 'Scannez-moi',
	es: 'Escanéame',
	it: 'Scansiona',
	pt: 'Digitalize',
	nl: 'Scan mij',
	pl: 'Zeskanuj',
	sv: 'Skanna',
	da: 'Scan mig',
	no: 'Skann meg',
	fi: 'Skannaa',
	cs: 'Naskenujte',
	sr: 'Skeniraj'
};

/** German addresses write ä ö ü as ae oe ue; elsewhere the accent is dropped. */
function localPart(text, lang) {
	const t = lang === 'de' ? text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue') : text;
	return ascii(t).replace(/[ '-]/g, '');
}

async function makeCard(index) {
	const random = stream(seed, index);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const chance = (p) => random() < p;
	const between = (a, b) => a + random() * (b - a);

	const locale = LOCALES[index % LOCALES.length];
	const layout = LAYOUTS[Math.floor(index / 2) % LAYOUTS.length];
	const labels = locale.labels;
	const person = pick(locale.people);
	const [company, domain] = pick(locale.companies);
	const nameFont = pick(FONTS);
	const bodyFont = ['display', 'script', 'slab'].includes(nameFont.kind) || chance(0.4) ? pick(BODY_FONTS) : nameFont;
	const logoFont = chance(0.5) ? nameFont : pick(FONTS.filter((f) => f.kind !== 'script'));
	const base = pick(chance(0.3) ? THEMES.filter((t) => t.dark) : THEMES.filter((t) => !t.dark));
	const [band, bandInk, bandAccent] = pick(BANDS);
	const theme = {
		paper: 'plain',
		...base,
		band: base.dark ? base.accent : band,
		bandInk: base.dark ? base.bg : bandInk,
		bandAccent: base.dark ? base.bg : bandAccent,
		logoInk: base.ink,
		nameInk: base.ink,
		accentText: chance(0.5) ? base.accent : base.muted
	};
	if (layout === 'footer-row' || layout === 'side-band')
		theme.paper = base.dark ? (base.paper ?? 'plain') : pick(['plain', 'cotton', 'linen']);

	const name = `${person.first} ${person.last}`;
	const capsName = nameFont.caps || layout === 'wide-caps' || chance(0.12);
	const nameText = capsName ? name.toUpperCase() : name;
	const title = pick(locale.titles);
	const titleText = layout === 'wide-caps' ? title.toUpperCase() : title;

	// The company: printed as a line of text, or only in the logo's wordmark.
	const logoStyle = pick(['mark', 'mark+word', 'wordmark', 'mark']);
	const wordmark = logoStyle === 'mark' ? '' : chance(0.5) ? company.toUpperCase() : company;
	const orgText = logoStyle === 'mark' ? company : '';

	const first = localPart(person.first, locale.lang);
	const last = localPart(person.last, locale.lang);
	const email = `${pick([`${first}.${last}`, `${first[0]}${last}`, first, `${first}-${last}`, `${last}.${first[0]}`, `${first}.${last[0]}`])}@${domain}`;
	const urlText = chance(0.75)
		? pick([
				`www.${domain}`,
				domain,
				`https://www.${domain}`,
				`www.${domain}`,
				`${domain}/${pick(['team', 'kontakt', 'contact'])}`
			])
		: '';
	const linkedinText = chance(0.12) ? `linkedin.com/in/${first}-${last}` : '';

	const mobile = makeNumber(random, locale, 'mobile');
	const hasMobile = chance(0.85);
	const office = !hasMobile || chance(0.3) ? makeNumber(random, locale, 'fixed') : null;
	const fax = office && chance(0.3) ? makeNumber(random, locale, 'fixed') : null;
	const phone = hasMobile ? mobile : /** @type {NonNullable<typeof office>} */ (office);

	const labelStyle = pick(['word', 'word', 'letter', 'icon', 'none']);
	const shortLabel = (list) => list.find((l) => l.replace(/[.:]/g, '').length <= 2) ?? list[0];
	const label = (list) => (labelStyle === 'letter' ? shortLabel(list) : labelStyle === 'word' ? pick(list) : '');
	/** @type {Array<{ kind: string, label: string, text: string }>} */
	const items = [];
	if (hasMobile) items.push({ kind: 'mobile', label: label(labels.mobile), text: pick(printedForms(mobile)) });
	// Without labels a second number could be either: such cards print one.
	if (office && (labelStyle !== 'none' || !hasMobile))
		items.push({ kind: 'phone', label: label(labels.phone), text: pick(printedForms(office)) });
	if (fax && labelStyle !== 'none')
		items.push({
			kind: 'fax',
			label: labelStyle === 'letter' ? shortLabel(labels.fax) : pick(labels.fax),
			text: pick(printedForms(fax))
		});
	items.push({ kind: 'email', label: label(labels.email), text: email });
	if (urlText) items.push({ kind: 'web', label: label(labels.web), text: urlText });
	if (linkedinText) items.push({ kind: 'linkedin', label: '', text: linkedinText });
	// Some cards set two fields on one line: "M 010-9416-5072   E ji-woo@…".
	const contacts = [];
	const pairUp = ['top-left', 'centred', 'footer-row', 'wide-caps'].includes(layout) && chance(0.45);
	for (let i = 0; i < items.length; i++) {
		if (pairUp && i + 1 < items.length && items[i].text.length + items[i + 1].text.length < 44) {
			contacts.push([items[i], items[i + 1]]);
			i++;
		} else contacts.push([items[i]]);
	}

	const withQr = layout === 'qr-right' ? chance(0.8) : ['top-left', 'portrait'].includes(layout) && chance(0.3);
	const qrText = urlText ? `https://${urlText.replace(/^https:\/\//, '')}` : `mailto:${email}`;
	const qr = withQr
		? await QRCode.toString(qrText, { type: 'svg', margin: 0, color: { dark: '#000000', light: '#ffffff' } })
		: '';

	const card = {
		layout,
		size: layout === 'portrait' ? 'portrait' : pick(['eu', 'eu', 'us']),
		theme,
		nameFont,
		bodyFont,
		logoFont,
		nameWeight: nameFont.kind === 'display' || chance(0.6) ? 700 : 400,
		nameSize: Math.round(between(28, 40)),
		nameSpacing: layout === 'wide-caps' ? between(0.08, 0.2).toFixed(2) : '0',
		// Type sizes in CSS px on an 85 mm card 600 px wide (2.5 px a point): names 11-16 pt, titles
		// 7-9 pt, contact lines 6-7.5 pt, as printed cards set them.
		titleSize: Math.round(between(17, 22)),
		contactSize: Math.round(between(15, 19)),
		orgSize: Math.round(between(15, 19)),
		wordmarkSize: Math.round(between(17, 24)),
		wordmarkSpacing: chance(0.5) ? between(0.04, 0.18).toFixed(2) : '0',
		padding: Math.round(between(24, 34)),
		radius: pick([0, 0, 6, 12]),
		mark: pick(MARKS),
		logoStyle,
		wordmark,
		orgText,
		orgUnderName: logoStyle === 'mark',
		nameText,
		title,
		titleText,
		department: chance(0.35) ? pick(locale.departments) : '',
		tagline: chance(0.35) ? pick(locale.taglines) : '',
		address: chance(0.3) ? pick(locale.addresses) : '',
		contacts,
		labelStyle,
		separator: pick(['', '', '·', '|']),
		qr,
		qrCaption: chance(0.6) ? QR_CAPTIONS[/** @type {keyof typeof QR_CAPTIONS} */ (locale.lang)] : ''
	};
	const truth = {
		name: nameText,
		title: titleText,
		org: wordmark || orgText,
		email,
		phone: phone.number,
		url: urlText ? `https://${urlText.replace(/^https:\/\//, '')}` : '',
		linkedin: linkedinText ? `https://www.${linkedinText}` : '',
		region: locale.region
	};
	const phoneText = /** @type {{ text: string }} */ (
		items.find((item) => item.kind === (hasMobile ? 'mobile' : 'phone'))
	).text;
	return { card, truth, phoneText, locale, random, pick, chance, between };
}

/** How the photo was taken: frame size, how big and how tilted the card is, light and camera faults. */
function makeShot({ random, pick, chance, between }, index) {
	const frame = index % 5 === 3 ? 'small' : index % 7 === 5 ? 'low-res' : 'normal';
	const [width, height] =
		frame === 'low-res'
			? pick([
					[640, 480],
					[800, 600]
				])
			: [1280, 960];
	const tilt = frame === 'normal' ? 22 : 12;
	const blur = chance(0.45) ? between(0.3, frame === 'normal' ? 1.3 : 0.5) : 0;
	return {
		frame,
		width,
		height,
		// How much of the frame the card spans: about 40% of its width for a card far away.
		cover: frame === 'small' ? between(0.36, 0.44) : frame === 'low-res' ? between(0.7, 0.84) : between(0.58, 0.82),
		// A far or low-resolution card is photographed squarer and steadier, or a person could not
		// read it either.
		rotateX: between(-tilt, tilt),
		rotateY: between(-tilt - 2, tilt + 2),
		rotateZ: chance(0.2) ? between(-14, 14) : between(-5, 5),
		blur,
		motion: !blur && frame === 'normal' && chance(0.25) ? between(0.8, 2) : 0,
		desk: pick(['wood', 'slate', 'fabric', 'white', 'grey', 'table']),
		pen: chance(0.3),
		handShadow: chance(0.3),
		cast: pick(['none', 'warm', 'warm', 'cool', 'green']),
		castStrength: between(0.08, 0.3),
		glare: chance(0.2),
		vignette: between(0.1, 0.55),
		noise: between(0.05, 0.2),
		quality: Math.round(between(58, 88)),
		noiseSeed: Math.floor(random() * 1e9),
		// Off centre, but with the whole card in the picture.
		x: between(-0.35, 0.35),
		y: between(-0.35, 0.35),
		glareX: between(15, 85),
		glareY: between(15, 85),
		shadowAngle: between(0, 360)
	};
}

const DESKS = {
	wood: `url('data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="960"><filter id="w"><feTurbulence type="fractalNoise" baseFrequency="0.002 0.06" numOctaves="4" seed="7"/><feColorMatrix values="0 0 0 0.45 0.33  0 0 0 0.32 0.22  0 0 0 0.2 0.13  0 0 0 0 1"/></filter><rect width="1280" height="960" filter="url(#w)"/></svg>')}') center/cover,#7b5536`,
	slate: 'radial-gradient(circle at 30% 40%,#4a535c,#2c3238)',
	fabric: 'repeating-linear-gradient(45deg,#50617a 0 2px,#5a6c86 2px 4px),#55667f',
	white: 'linear-gradient(160deg,#f1f0ec,#d8d6d0)',
	grey: 'linear-gradient(120deg,#9a9b98,#b9bab6)',
	table: 'linear-gradient(180deg,#3a2e26 0 62%,#1c1c1c 62% 100%)'
};
const CASTS = { warm: '#ffcf8a', cool: '#9cc3ff', green: '#c8f0a0' };

function sceneHtml(card, shot, fontCss) {
	const [w, h] = card.size === 'portrait' ? [388, 600] : [600, card.size === 'us' ? 343 : 388];
	// A far card's long side spans `cover` of the frame's width; a near one fills `cover` of the
	// frame's tighter side.
	const scale =
		shot.frame === 'small'
			? (shot.cover * shot.width) / Math.max(w, h)
			: shot.cover * Math.min(shot.width / w, shot.height / h);
	const [dx, dy] = [shot.x * (1 - shot.cover) * shot.width, shot.y * (1 - shot.cover) * shot.height];
	const transform = `translate(${dx.toFixed(0)}px,${dy.toFixed(0)}px) scale(${scale.toFixed(3)}) rotateX(${shot.rotateX.toFixed(1)}deg) rotateY(${shot.rotateY.toFixed(1)}deg) rotateZ(${shot.rotateZ.toFixed(1)}deg)`;
	const filters =
		[shot.blur ? `blur(${shot.blur.toFixed(2)}px)` : '', shot.motion ? 'url(#motion)' : ''].filter(Boolean).join(' ') ||
		'none';
	const sx = Math.cos((shot.shadowAngle * Math.PI) / 180) * 14;
	const sy = Math.abs(Math.sin((shot.shadowAngle * Math.PI) / 180)) * 14 + 6;
	return `<!doctype html><html><head><meta charset="utf-8"><style>${fontCss}
	body{margin:0;width:${shot.width}px;height:${shot.height}px;overflow:hidden;background:${DESKS[shot.desk]}}
	#stage{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;perspective:${Math.round(shot.width * 1.1)}px;filter:${filters}}
	#card{box-shadow:${sx.toFixed(0)}px ${sy.toFixed(0)}px 24px rgba(0,0,0,.5)}
	</style></head><body>
	<svg width="0" height="0" style="position:absolute"><filter id="motion"><feGaussianBlur stdDeviation="${shot.motion.toFixed(2)} 0.2"/></filter></svg>
	${shot.pen ? `<div style="position:absolute;left:${(shot.width * 0.08).toFixed(0)}px;top:${(shot.height * 0.78).toFixed(0)}px;width:${(shot.width * 0.42).toFixed(0)}px;height:${(shot.height * 0.025).toFixed(0)}px;border-radius:8px;background:linear-gradient(#333,#111 60%,#444);transform:rotate(-14deg);box-shadow:4px 6px 10px rgba(0,0,0,.4)"></div>` : ''}
	<div id="stage"><div id="card" data-transform="${transform}">${cardHtml(card)}</div></div>
	${shot.handShadow ? `<div style="position:absolute;inset:0;background:radial-gradient(ellipse 45% 60% at ${shot.glareX < 50 ? 0 : 100}% ${shot.glareY.toFixed(0)}%,rgba(0,0,0,.45),transparent 70%)"></div>` : ''}
	${shot.cast !== 'none' ? `<div style="position:absolute;inset:0;background:${CASTS[shot.cast]};mix-blend-mode:multiply;opacity:${shot.castStrength.toFixed(2)}"></div>` : ''}
	<div style="position:absolute;inset:0;background:radial-gradient(ellipse at 50% 50%,transparent 45%,rgba(0,0,0,${shot.vignette.toFixed(2)}) 100%)"></div>
	${shot.glare ? `<div style="position:absolute;inset:0;background:radial-gradient(ellipse 20% 14% at ${shot.glareX.toFixed(0)}% ${shot.glareY.toFixed(0)}%,rgba(255,255,255,.55),transparent)"></div>` : ''}
	<canvas id="noise" width="${shot.width / 2}" height="${shot.height / 2}" style="position:absolute;inset:0;width:${shot.width}px;height:${shot.height}px;opacity:${shot.noise.toFixed(2)};mix-blend-mode:overlay"></canvas>
	</body></html>`;
}

/** In the page: wait for the fonts (each must be found), shrink the card's type until every line
 * fits on the card, then tilt it and add the sensor noise. */
async function finishScene(noiseSeed) {
	await document.fonts.ready;
	const card = /** @type {HTMLElement} */ (document.querySelector('#card'));
	const face = /** @type {HTMLElement} */ (card.firstElementChild);
	const used = [...document.fonts].filter((f) => f.status !== 'unloaded');
	const missing = used.filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight}`);
	if (missing.length) throw new Error(`fonts not found: ${missing.join(', ')}`);
	// Each piece stays inside its column (data-box) and the card.
	/** The box inside an element's padding, where its children belong. */
	const inner = (/** @type {Element} */ el) => {
		const r = el.getBoundingClientRect();
		const cs = getComputedStyle(el);
		const [t, rt, b, l] = [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(parseFloat);
		return { left: r.left + l, right: r.right - rt, top: r.top + t, bottom: r.bottom - b };
	};
	const outside = () => {
		const box = face.getBoundingClientRect();
		return [...face.querySelectorAll('div,span,svg')].filter((el) => {
			const r = el.getBoundingClientRect();
			const parent = /** @type {Element} */ (el.parentElement);
			const column = parent.closest('[data-box]')?.getBoundingClientRect() ?? box;
			return (
				r.width > 0 &&
				(el.scrollWidth > el.clientWidth + 1 ||
					// (An icon sits a little above its line's text: it is held to the card and column only.)
					![box, column, ...(el.tagName === 'svg' ? [] : [inner(parent)])].every(
						(b) => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1
					))
			);
		});
	};
	// A block that does not fit is set smaller (the name, the contact lines, the wordmark), as a
	// designer would; if that is not enough, all the type.
	/** @type {Map<HTMLElement, number>} */
	const scale = new Map();
	const set = (/** @type {HTMLElement} */ el, /** @type {number} */ factor) => {
		el.dataset.size ??= el.style.fontSize;
		scale.set(el, factor);
		el.style.fontSize = `calc(${el.dataset.size} * ${factor.toFixed(2)})`;
	};
	const sized = /** @type {HTMLElement[]} */ ([...face.querySelectorAll('[style*="font-size"]')]);
	for (let round = 0; round < 80; round++) {
		const bad = outside();
		if (!bad.length) break;
		const blocks = new Set(
			bad
				.map((el) => /** @type {HTMLElement | null} */ (el.closest('[style*="font-size"]')))
				.filter((el) => el && face.contains(el))
		);
		// No block is set below 60% on its own, nor any below 50% in all.
		const shrinkable = [...blocks].filter((el) => (scale.get(/** @type {HTMLElement} */ (el)) ?? 1) > 0.6);
		const targets = shrinkable.length ? shrinkable : sized.filter((el) => (scale.get(el) ?? 1) > 0.5);
		if (!targets.length) break;
		for (const el of targets)
			set(/** @type {HTMLElement} */ (el), (scale.get(/** @type {HTMLElement} */ (el)) ?? 1) - 0.04);
	}
	if (outside().length) throw new Error('the card does not fit');
	const zoom = Math.min(1, ...scale.values());
	// Tilted, the whole card stays in the picture (a little smaller if need be).
	const inFrame = () => {
		const r = card.getBoundingClientRect();
		return r.left >= 4 && r.top >= 4 && r.right <= innerWidth - 4 && r.bottom <= innerHeight - 4;
	};
	for (let k = 1; k > 0.5; k -= 0.03) {
		card.style.transform = `scale(${k.toFixed(2)}) ${card.dataset.transform ?? ''}`;
		if (inFrame()) break;
	}
	if (!inFrame()) throw new Error('the card does not fit in the picture');
	const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector('#noise'));
	const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
	const data = ctx.createImageData(canvas.width, canvas.height);
	let s = noiseSeed;
	for (let i = 0; i < data.data.length; i += 4) {
		for (let c = 0; c < 3; c++) {
			s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
			data.data[i + c] = 128 + ((s >>> 24) - 128) * (c === 0 ? 1 : 0.8);
		}
		data.data[i + 3] = 255;
	}
	ctx.putImageData(data, 0, 0);
	return zoom;
}

const fontCss = fontFaces(FONTS);
const browser = await launchChromium(['--font-render-hinting=none']);
try {
	const pages = {};
	const half = { tuning: 0, untouched: 0 };
	let total = 0;
	for (const part of Object.keys(half)) mkdirSync(join(root, part), { recursive: true });
	for (let i = 0; i < count; i++) {
		const made = await makeCard(i);
		const shot = makeShot(made, i);
		const part = i % 2 ? 'untouched' : 'tuning';
		const number = String(++half[part]).padStart(2, '0');
		const name = `card-${number}-${made.locale.region.toLowerCase()}-${made.card.layout}`;
		const key = `${shot.width}x${shot.height}`;
		pages[key] ??= await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
		const page = pages[key];
		await page.setContent(sceneHtml(made.card, shot, fontCss), { waitUntil: 'load' });
		const zoom = await page.evaluate(finishScene, shot.noiseSeed);
		let quality = shot.quality;
		let jpeg = await page.screenshot({ type: 'jpeg', quality });
		while (jpeg.length > MAX_BYTES && quality > 30) {
			quality -= 6;
			jpeg = await page.screenshot({ type: 'jpeg', quality });
		}
		total += jpeg.length;
		const { card, truth, phoneText } = made;
		const look = [
			card.theme.dark ? 'dark' : '',
			card.theme.paper !== 'plain' ? `${card.theme.paper} paper` : '',
			card.qr ? 'QR' : '',
			card.logoStyle !== 'mark' ? 'company only in the logo' : '',
			card.contacts.some((line) => line.length > 1) ? 'two fields on a line' : '',
			`labels: ${card.labelStyle}`,
			phoneText.startsWith('+') ? 'international number' : 'national number',
			card.department ? 'department' : '',
			card.tagline ? 'tagline' : '',
			card.address ? 'address' : '',
			zoom < 1 ? `some type set down to ${Math.round(zoom * 100)}%` : ''
		].filter(Boolean);
		const photo = [
			shot.frame,
			`${shot.width}x${shot.height}`,
			`JPEG q${quality}`,
			shot.blur ? `blur ${shot.blur.toFixed(1)} px` : '',
			shot.motion ? 'motion blur' : '',
			shot.cast !== 'none' ? `${shot.cast} light` : '',
			shot.glare ? 'glare' : '',
			shot.handShadow ? 'shadow across' : ''
		].filter(Boolean);
		const json = {
			...truth,
			layout: card.layout,
			font: `${card.nameFont.family} (${card.nameFont.kind})`,
			card: look.join(', '),
			photo: photo.join(', ')
		};
		writeFileSync(join(root, part, `${name}.jpg`), jpeg);
		writeFileSync(join(root, part, `${name}.json`), JSON.stringify(json, null, '\t') + '\n');
		console.log(`${part}/${name}.jpg ${(jpeg.length / 1024).toFixed(0)} KB  ${json.font}; ${json.card}; ${json.photo}`);
	}
	console.log(`${count} cards, ${(total / 1024 / 1024).toFixed(2)} MB of JPEG`);
} finally {
	await browser.close();
}
