// The draft rules of every language, loaded before the unit tests and benchmarks that draft (in the
// app each language's rules load when a draft needs them).
import { loadAllLexicons } from '$lib/domain/drafts/lexicon';

await loadAllLexicons();
