// What tests/bench/figures.ts installs in every page of a benchmark's browser.
export {};

declare global {
	interface Window {
		/** Times (performance.now()) of the last tap, key press, video starting to play, camera streams. */
		__input: { click?: number; keydown?: number; playing?: number; streams?: number[] };
		__until(selector: string): Promise<number>;
		__untilChange(selector: string): Promise<number>;
		__when(test: () => boolean): Promise<number>;
		__afterFrame(): Promise<number>;
		/** A benchmark's own pending measure, kept between two evaluate() calls. */
		__pending?: Promise<number | null>;
		/** Resolves once no IndexedDB transaction has been open for a while. */
		__idbQuiet(): Promise<void>;
		/** How many camera tracks the page opened are still live. */
		__liveTracks(): number;
	}
}
