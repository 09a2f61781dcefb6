import { deReading as reading } from './de-reading';
import { deWriting as writing } from './de-writing';

/** German: how a note is read and the message written, loaded when a draft needs it. */
export const lexicon = { reading, writing };
