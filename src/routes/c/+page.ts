// Card links (/c#1…) open the card page, c.html (src/card-page/), which hosts serve for /c (README,
// Deploy). A host that answers /c with the app instead, as an SPA fallback set up before the card
// page was its own file does, lands here: go on to the card page, fragment and all, showing nothing
// of the app and storing nothing on the way.
export function load(): Promise<never> {
	location.replace(`/c.html${location.hash}`);
	return new Promise(() => {});
}
