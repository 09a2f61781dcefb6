import { esReading as reading } from './es-reading';
import { esWriting as writing } from './es-writing';

/** Spanish: how a note is read and the message written, loaded when a draft needs it. */
export const lexicon = { reading, writing };
