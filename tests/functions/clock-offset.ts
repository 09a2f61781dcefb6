// TEST TOOL, preloaded into the function's process (`deno run --preload`): its clock runs
// CLOCK_OFFSET_MS off the real one, as a host whose clock has drifted. Date.now, new Date() and
// performance-independent code all see the shifted time.
const offset = Number(Deno.env.get('CLOCK_OFFSET_MS') ?? 0);
const RealDate = Date;
class ShiftedDate extends RealDate {
	constructor(...args: unknown[]) {
		if (args.length === 0) super(RealDate.now() + offset);
		else super(...(args as [string]));
	}
	static override now() {
		return RealDate.now() + offset;
	}
}
globalThis.Date = ShiftedDate as DateConstructor;
