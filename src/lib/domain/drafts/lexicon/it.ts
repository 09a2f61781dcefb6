import { itReading as reading } from './it-reading';
import { itWriting as writing } from './it-writing';

/** Italian: how a note is read and the message written, loaded when a draft needs it. */
export const lexicon = { reading, writing };
