import type { DraftLanguage } from '../languages';
import { deReading } from './de-reading';
import { deWriting } from './de-writing';
import { enReading } from './en-reading';
import { enWriting } from './en-writing';
import { esReading } from './es-reading';
import { esWriting } from './es-writing';
import { frReading } from './fr-reading';
import { frWriting } from './fr-writing';
import { itReading } from './it-reading';
import { itWriting } from './it-writing';
import { ptReading } from './pt-reading';
import { ptWriting } from './pt-writing';
import type { Reading, Writing } from './types';

/** Each draft language's way of reading a note and writing the message. */
export const LEXICONS: Record<DraftLanguage, { reading: Reading; writing: Writing }> = {
	en: { reading: enReading, writing: enWriting },
	de: { reading: deReading, writing: deWriting },
	fr: { reading: frReading, writing: frWriting },
	es: { reading: esReading, writing: esWriting },
	pt: { reading: ptReading, writing: ptWriting },
	it: { reading: itReading, writing: itWriting }
};
