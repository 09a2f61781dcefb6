// TEST TOOL: node tests/support/ocr-cards/generate.mjs [folder] [count]
// Renders made-up business cards and conference badges (tests/support/ocr-cards/layouts.mjs) in
// Debian's Chromium and "photographs" them: on a desk, tilted in perspective, rotated, slightly out
// of focus, under uneven light, with sensor noise, saved as JPEG. Each <name>.jpg gets a <name>.json
// with what is printed: { name, title, org, email, phone (E.164), url, linkedin, region }.
// Seeded: the same run writes the same set. `npm run bench:ocr -- <folder>` reads them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../browser.mjs';
import { cardHtml, FONTS, LAYOUT_NAMES } from './layouts.mjs';
import { COMPANIES, FIRST, LAST, PHONES, TITLES } from './people.mjs';

const folder = process.argv[2] ?? 'tests/support/fixtures/ocr-cards';
const count = Number(process.argv[3] ?? 64);

function mulberry32(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = mulberry32(13);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (a, b) => a + random() * (b - a);
const chance = (p) => random() < p;

const PALETTE_COUNT = 8;
const EVENTS = ['DevSummit 2026', 'EventConf Berlin', 'Open Source Days', 'FinTech Week', 'HealthTech Expo'];
const ROLES = ['ATTENDEE', 'SPEAKER', 'EXHIBITOR', 'PRESS', 'SPONSOR'];
const ADDRESSES = [
	'12 Harbour Street, London EC1A 1BB',
	'500 Market St, Suite 210, San Francisco, CA 94105',
	'Friedrichstraße 68, 10117 Berlin',
	'Level 4, 88 George St, Sydney NSW 2000',
	'Keizersgracht 123, 1015 CJ Amsterdam'
];

function emailFor(first, last, domain) {
	const f = first
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z]/g, '');
	const l = last
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z]/g, '');
	return `${pick([`${f}.${l}`, `${f[0]}.${l}`, `${f}`, `${f}${l[0]}`, `${f}_${l}`, `${f}.${l}01`])}@${domain}`;
}

function makeCard(index, palettes) {
	const layout = index % 6 === 5 ? 'badge' : LAYOUT_NAMES.filter((l) => l !== 'badge')[index % 4];
	const first = pick(FIRST);
	const last = pick(LAST);
	const [org, domain] = pick(COMPANIES);
	const [phone, forms] = pick(PHONES);
	const phoneText = pick(forms);
	const badge = layout === 'badge';
	const hasUrl = !badge && chance(0.75);
	const hasLinkedin = !badge && chance(0.2);
	const handle = `${first}${last}`
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z]/g, '');
	const card = {
		layout,
		name: `${first} ${last}`,
		first,
		last,
		title: badge && chance(0.5) ? '' : pick(TITLES),
		org,
		email: badge ? '' : emailFor(first, last, domain),
		phone: badge ? '' : phone,
		phoneText: badge ? '' : phoneText,
		mobile: chance(0.3),
		// National US numbers are read in the region the phone is set to (the bench passes it).
		region: phoneText.startsWith('+') ? 'GB' : 'US',
		urlText: hasUrl ? pick([`www.${domain}`, domain, `https://${domain}`, `www.${domain}/team`]) : '',
		linkedinText: hasLinkedin ? `linkedin.com/in/${handle}` : '',
		address: !badge && chance(0.35) ? pick(ADDRESSES) : '',
		labels: pick(['none', 'short', 'long', 'icon', 'short']),
		font: pick(FONTS),
		palette: palettes[Math.floor(random() * PALETTE_COUNT)],
		logo: pick(['circle', 'hexagon', 'triangle', 'square', 'rings']),
		initials: chance(0.4) ? org.replace(/[^A-Z]/g, '').slice(0, 2) : '',
		nameSize: Math.round(between(32, 42)),
		event: pick(EVENTS),
		role: pick(ROLES),
		splitName: badge && chance(0.35)
	};
	if (card.org.length > 20 && layout === 'band') card.nameSize = 34;
	return card;
}

/** The photo's conditions: how the card lies on the desk and how the camera saw it. */
function makeShot() {
	return {
		desk: pick(['#8a6f52', '#b9b3a9', '#3c4a57', '#d9d4c7', '#5b4636', '#9aa5a0']),
		scale: between(1.25, 1.6),
		rotateX: between(-18, 18),
		rotateY: between(-20, 20),
		rotateZ: between(-7, 7),
		blur: chance(0.5) ? between(0.2, 1.1) : 0,
		light: { x: between(0, 100), y: between(0, 100), dark: between(0.15, 0.5) },
		glare: chance(0.3),
		noise: between(0.04, 0.12),
		quality: Math.round(between(70, 85))
	};
}

function scene(card, shot) {
	return `<!doctype html><html><body style="margin:0;width:1280px;height:960px;overflow:hidden;background:${shot.desk}">
	<div style="position:absolute;inset:0;display:flex;align-items:center;justify-content:center;perspective:1400px;filter:${shot.blur ? `blur(${shot.blur.toFixed(2)}px)` : 'none'}">
	<div style="transform:scale(${shot.scale.toFixed(3)}) rotateX(${shot.rotateX.toFixed(1)}deg) rotateY(${shot.rotateY.toFixed(1)}deg) rotateZ(${shot.rotateZ.toFixed(1)}deg);box-shadow:0 12px 30px rgba(0,0,0,.45)">${cardHtml(card)}</div></div>
	<div style="position:absolute;inset:0;background:radial-gradient(circle at ${shot.light.x.toFixed(0)}% ${shot.light.y.toFixed(0)}%, rgba(255,250,235,.18), rgba(0,0,0,${shot.light.dark.toFixed(2)}) 85%)"></div>
	${shot.glare ? `<div style="position:absolute;inset:0;background:radial-gradient(ellipse at ${between(20, 80).toFixed(0)}% ${between(20, 80).toFixed(0)}%, rgba(255,255,255,.45), transparent 22%)"></div>` : ''}
	<canvas id="noise" width="640" height="480" style="position:absolute;inset:0;width:1280px;height:960px;opacity:${shot.noise.toFixed(2)}"></canvas>
	<script>{const c=document.getElementById('noise').getContext('2d');const d=c.createImageData(640,480);let s=${Math.floor(random() * 1e9)};for(let i=0;i<d.data.length;i+=4){s=(s*1103515245+12345)&0x7fffffff;const v=s%256;d.data[i]=d.data[i+1]=d.data[i+2]=v;d.data[i+3]=255;}c.putImageData(d,0,0);}</script>
	</body></html>`;
}

/** What the card says, as a person would type it in: the bench compares against this. */
function truth(card) {
	const url = card.urlText ? `https://${card.urlText.replace(/^https:\/\//, '')}` : '';
	return {
		name: card.name,
		title: card.title,
		org: card.org,
		email: card.email,
		phone: card.phone,
		url,
		linkedin: card.linkedinText ? `https://www.${card.linkedinText}` : '',
		region: card.region,
		layout: card.layout
	};
}

const { default: palettes } = await import('./palettes.mjs');
mkdirSync(folder, { recursive: true });
const browser = await launchChromium();
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
	for (let i = 0; i < count; i++) {
		const card = makeCard(i, palettes);
		const shot = makeShot();
		const name = `card-${String(i + 1).padStart(2, '0')}-${card.layout}`;
		await page.setContent(scene(card, shot), { waitUntil: 'load' });
		const jpeg = await page.screenshot({ type: 'jpeg', quality: shot.quality });
		writeFileSync(join(folder, `${name}.jpg`), jpeg);
		writeFileSync(join(folder, `${name}.json`), JSON.stringify(truth(card), null, '\t') + '\n');
		console.log(`${name}.jpg ${(jpeg.length / 1024).toFixed(0)} KB`);
	}
} finally {
	await browser.close();
}
