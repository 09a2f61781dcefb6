import { enReading as reading } from './en-reading';
import { enWriting as writing } from './en-writing';

/** English: how a note is read and the message written, loaded when a draft needs it. */
export const lexicon = { reading, writing };
