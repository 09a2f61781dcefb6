import { ptReading as reading } from './pt-reading';
import { ptWriting as writing } from './pt-writing';

/** Portuguese: how a note is read and the message written, loaded when a draft needs it. */
export const lexicon = { reading, writing };
