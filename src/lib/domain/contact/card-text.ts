/** A line of text read from a picture, with where it sits (pixels) and how sure the reader was (0–100). */
export interface TextLine {
	text: string;
	confidence: number;
	box: { x: number; y: number; width: number; height: number };
}
