import * as v from 'valibot';
import type { MyCard } from '$lib/domain/card/my-card';
import type { LocalDb } from './db';
import { CardRow, plainCopy, readRow } from './rows';

/** Settings kept on this device: my card, the event I'm at, whether storage persistence was asked. */
export class SettingsStore {
	constructor(private readonly db: LocalDb) {}

	async card(): Promise<MyCard | null> {
		const row = await this.db.settings.get('myCard');
		return readRow(CardRow, row?.value, 'card');
	}

	async saveCard(card: MyCard): Promise<void> {
		await this.db.settings.put({ key: 'myCard', value: plainCopy(card) });
	}

	/** The card form as last typed, kept until it is saved so nothing typed is lost. */
	async cardDraft(): Promise<MyCard | null> {
		const row = await this.db.settings.get('cardDraft');
		return readRow(CardRow, row?.value, 'card draft');
	}

	async saveCardDraft(card: MyCard | null): Promise<void> {
		if (card) await this.db.settings.put({ key: 'cardDraft', value: plainCopy(card) });
		else await this.db.settings.delete('cardDraft');
	}

	async currentEventId(): Promise<string | null> {
		const row = await this.db.settings.get('currentEventId');
		return readRow(v.nullable(v.string()), row?.value ?? null, 'current event') ?? null;
	}

	async setCurrentEventId(id: string | null): Promise<void> {
		await this.db.settings.put({ key: 'currentEventId', value: id });
	}

	async flag(key: string): Promise<boolean> {
		const row = await this.db.settings.get(key);
		return row?.value === true;
	}

	async setFlag(key: string, value: boolean): Promise<void> {
		await this.db.settings.put({ key, value });
	}
}
