import { frReading as reading } from './fr-reading';
import { frWriting as writing } from './fr-writing';

/** French: how a note is read and the message written, loaded when a draft needs it. */
export const lexicon = { reading, writing };
