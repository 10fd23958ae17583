// Tiny DOM helpers. Text always goes in as textContent: nothing a visitor typed is parsed as HTML.

/** Create an element: el("p", {class: "x", "aria-live": "polite"}, "text", childNode). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "value") node.value = value;
    else if (name === "checked") node.checked = Boolean(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Append text (as text nodes) and nodes; arrays are flattened, null skipped. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace all children of `node`. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** An id safe for the DOM, derived from data ids (never from counters shared across renders). */
export function domId(...parts) {
  return "pc-" + parts.map((part) => String(part).replace(/[^a-zA-Z0-9_-]/g, "_")).join("-");
}
