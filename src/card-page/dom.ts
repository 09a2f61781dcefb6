type Child = Node | string | null | undefined | false;

/**
 * An element with attributes and children. Strings become text nodes: nothing from a card link is
 * ever parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Record<string, string | undefined> = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
	element.append(...children.filter((child): child is Node | string => !!child));
	return element;
}
