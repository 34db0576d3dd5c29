// Building elements without innerHTML: every string becomes a text node or an attribute value.

/**
 * el("p", {class: "x", for: "id", dataset: {k: "v"}, on: {click: fn}}, "text", childNode, [more])
 * Attributes with null/undefined/false values are left out; true gives an empty attribute.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") {
      for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
    } else if (key === "value" || key === "checked" || key === "selected") {
      node[key] = value;
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An element of the page's template (overrides/calculator.html) by its id. */
export const byId = (id) => document.getElementById(id);

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** A page-unique id for label/input pairs: 64 random bits (no counter kept between calls). */
export function uid(prefix) {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return `${prefix}-${high.toString(36)}${low.toString(36)}`;
}

/** A labelled form field: <label class="calc-field"><span>label</span>control<span>unit</span></label> */
export function field(labelText, control, { unit = null, hint = null, className = "" } = {}) {
  if (!control.id) control.id = uid("f");
  return el("label", { class: `calc-field ${className}`.trim(), for: control.id },
    el("span", { class: "calc-label" }, labelText),
    unit ? el("span", { class: "calc-with-unit" }, control, el("span", { class: "calc-unit" }, unit)) : control,
    hint ? el("span", { class: "calc-hint" }, hint) : null);
}

/** A checkbox with its label after it. */
export function checkbox(labelText, input) {
  if (!input.id) input.id = uid("f");
  return el("label", { class: "calc-field calc-check", for: input.id }, input, el("span", {}, labelText));
}

/** <select> with a first empty option (placeholder) and [value, label] options. */
export function select(name, options, { placeholder = "请选择", value = "" } = {}) {
  const node = el("select", { name });
  if (placeholder !== null) node.append(el("option", { value: "" }, placeholder));
  for (const [v, label] of options) node.append(el("option", { value: String(v) }, label));
  node.value = value === null || value === undefined ? "" : String(value);
  return node;
}
