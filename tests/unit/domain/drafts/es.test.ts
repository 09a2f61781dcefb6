import { describe, expect, it } from 'vitest';
import { draftFollowUp, type DraftInput } from '$lib/domain/drafts/draft';
import { polish } from '$lib/domain/drafts/lexicon/es-nouns';
import { esReading } from '$lib/domain/drafts/lexicon/es-reading';
import { spanishThing } from '$lib/domain/drafts/lexicon/es-thing';

const base = { myName: 'Lucía Gil', theirName: 'Tomás Rivas Ortega', promises: [] as string[] };
const draft = (input: Partial<DraftInput> & { notes: string[] }) => draftFollowUp({ ...base, ...input });
/** The message between the greeting and the sign-off, one line per paragraph. */
const message = (body: string) => body.split('\n').slice(2, -3);

describe('a follow-up drafted from a Spanish note', () => {
	it('writes to the person with "tú": their plan as the topic, the promise with its article and due day', () => {
		const d = draft({
			notes: [
				'La conocí en el stand de Adyen. Quieren bajar el onboarding KYC a minutos. Le prometí enviarle el caso de Nubank la semana que viene.'
			]
		});
		expect(d.language).toBe('es');
		expect(d.subject).toBe('El caso de Nubank, como te prometí');
		expect(d.body.split('\n')[0]).toBe('Hola Tomás,');
		expect(message(d.body)).toEqual([
			'Fue un placer conocerte en el stand de Adyen y hablar sobre tu plan de bajar el onboarding KYC.',
			'Como te prometí, te envío el caso de Nubank.'
		]);
		expect(d.body.endsWith('Un saludo,\nLucía Gil')).toBe(true);
		expect(d.notePromises.map((p) => [p.action.todo, p.due])).toEqual([
			['Enviar a Tomás el caso de Nubank', { kind: 'next-week' }]
		]);
	});

	it('reads promises in the present and after "quedamos en q", shorthand and all', () => {
		const d = draft({
			notes: ['Le mando el informe antes del viernes. quedamos en q le reviso la config de pgbouncer']
		});
		expect(message(d.body)[1]).toBe(
			'Como te prometí, te envío el informe. También revisaré la configuración de pgbouncer y te cuento.'
		);
		expect(d.notePromises.map((p) => [p.action.todo, p.due])).toEqual([
			['Enviar a Tomás el informe', { kind: 'weekday', day: 5 }],
			['Revisar la configuración de pgbouncer', null]
		]);
	});

	it('reads "le dije que le paso el contacto de …" as an introduction, without what the note says about her', () => {
		const d = draft({
			notes: ['Le dije que le paso el contacto de la Dra. Lobo (UPCT) que hizo un piloto parecido en Cartagena.']
		});
		expect(d.subject).toBe('Te pongo en contacto con la Dra. Lobo');
		expect(message(d.body)[1]).toBe('Como quedamos, te pongo en contacto con la Dra. Lobo.');
	});

	it('writes to-dos as people type them ("intro → …", "demo tienda piloto") as sentences', () => {
		const d = draft({
			notes: ['Hablamos de las etiquetas electrónicas para sus tiendas.'],
			promises: ['enviar propuesta', 'intro → Patricia Lobo', 'demo tienda piloto']
		});
		expect(message(d.body)).toEqual([
			'Fue un placer hablar contigo sobre las etiquetas electrónicas para tus tiendas.',
			'Como te prometí, te envío la propuesta. También te pongo en contacto con Patricia Lobo. Además, organizaré la demo en la tienda piloto y te confirmo los detalles.'
		]);
	});

	it('links the nouns of a typed to-do with their articles and contractions', () => {
		expect(
			[
				'acceso prueba LMS',
				'doc SDK 5G',
				'presupuesto 20 tiendas',
				'una demo',
				'caso Nubank + deck',
				'el área de datos'
			].map((t) => spanishThing(t).text)
		).toEqual([
			'el acceso de prueba del LMS',
			'la documentación del SDK 5G',
			'el presupuesto para 20 tiendas',
			'la demo',
			'el caso de Nubank y el deck',
			'el área de datos'
		]);
		expect(polish('hablar de el piloto a el equipo y innovación, siete o ocho')).toBe(
			'hablar del piloto al equipo e innovación, siete u ocho'
		);
	});

	it('answers what they asked for: a price is prepared, a demo organised', () => {
		const d = draft({ notes: ['Pidió precio para 500k verificaciones/año. Me pidió una demo la semana que viene.'] });
		expect(message(d.body)[1]).toBe(
			'Con gusto te preparo el precio para 500k verificaciones al año. Con gusto te organizo la demo.'
		);
	});

	it('asks their questions back as indirect ones, said from our side', () => {
		const d = draft({
			notes: ['pregunta: ¿integramos con SAP Retail? También: ¿ustedes tienen API REST?'],
			promises: ['confirmar integración SAP']
		});
		expect(message(d.body)[1]).toBe(
			'Me preguntaste si nos integramos con SAP Retail: lo confirmo y te cuento. Me preguntaste si tenemos API REST: lo miro y te cuento. Si te puedo ayudar en algo, escríbeme sin problema.'
		);
	});

	it('leaves out remarks to oneself and the questions one wrote to oneself', () => {
		const d = draft({
			notes: [
				'valentina de rappi? no, de una startup. les esta costando escalar postgres. Parecía escéptico con la biometría. creo q no tiene presupuesto. ojo: no mencionar precio. habla mucho jaja. Volver a llamarle en otoño.'
			]
		});
		expect(message(d.body)).toEqual([
			'Fue un placer hablar contigo sobre cómo escalar postgres.',
			'Si te puedo ayudar en algo, escríbeme sin problema.'
		]);
	});

	it("says where we met: the note's place, or the event with the article its name takes", () => {
		expect(esReading.meetingPlace('Lo conocí en la mesa redonda de fintech')).toBe('en la mesa redonda de fintech');
		expect(esReading.meetingPlace('Conferencia de educación en Santiago')).toBe(
			'en la conferencia de educación en Santiago'
		);
		expect(esReading.eventPlace('Congreso AgroTech Murcia')).toBe('en el Congreso AgroTech Murcia');
		expect(esReading.eventPlace('South Summit Madrid')).toBe('en South Summit Madrid');
	});

	it('turns what they run or are doing into a phrase to them', () => {
		const runs = draft({
			notes: ['Ella dirige una fundación de tutorías para escolares en La Pintana.'],
			helpOffer: 'puedo ayudar con la migración de datos'
		});
		expect(runs.subject).toBe('Nuestra conversación sobre tu fundación de tutorías para escolares');
		expect(message(runs.body)[1]).toBe('Si te sirve, puedo ayudarte con la migración de datos.');
		const doing = draft({ notes: ['Están probando sensores de humedad de suelo pero nadie mira los datos.'] });
		expect(message(doing.body)[0]).toBe('Fue un placer hablar contigo sobre tus pruebas con sensores de humedad.');
	});

	it('splits two promises joined by "y", and names no company as the topic', () => {
		const d = draft({
			notes: [
				'Ji-woo, Samsung Networks. Le prometí mandarle acceso de prueba al LMS y presentarle a Rodrigo (el de Enseña Chile).'
			],
			eventName: 'MWC Barcelona'
		});
		expect(d.subject).toBe('El acceso de prueba al LMS, como te prometí');
		expect(message(d.body)).toEqual([
			'Fue un placer conocerte en MWC Barcelona.',
			'Como te prometí, te envío el acceso de prueba al LMS. También te pongo en contacto con Rodrigo.'
		]);
	});

	it('checks in on the topic when it has been a while', () => {
		const d = draft({ notes: ['Están migrando a Kafka y les cuesta mucho el reprocesado.'], checkIn: true });
		expect(d.subject).toBe('Retomando nuestra conversación sobre tu migración a Kafka');
		expect(message(d.body)[0]).toBe(
			'Ha pasado un tiempo desde que hablamos sobre tu migración a Kafka: ¿cómo va todo?'
		);
	});
});
