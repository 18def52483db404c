/**
 * A tiny builder for XML-family output (SVG, HTML, GraphML). Children must be `Markup`,
 * which only `el`, `text`, `fragment` and `trusted` produce, so raw user text cannot reach
 * the output unescaped: the type checker refuses a plain string where markup is expected.
 */
import { xml } from './escape';

declare const MARKUP: unique symbol;
export type Markup = string & { readonly [MARKUP]: true };

export type AttrValue = string | number | null | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function checkName(name: string): string {
  // Element and attribute names come from our code, never from user text; this guards typos.
  if (!NAME.test(name)) throw new Error(`bad markup name: ${name}`);
  return name;
}

// Namespace declarations are written literally, because some tools match them as text; the
// value must be a plain URL, which holds nothing that needs escaping.
const NAMESPACE_URI = /^https?:\/\/[A-Za-z0-9./_-]+$/;

function attrValue(key: string, value: string): string {
  if (key === 'xmlns' || key.startsWith('xmlns:')) {
    if (!NAMESPACE_URI.test(value)) throw new Error(`bad namespace URI for ${key}`);
    return value;
  }
  return xml(value);
}

function openTag(name: string, attrs: Readonly<Record<string, AttrValue>>): string {
  let open = `<${checkName(name)}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    // Numbers need no escaping; everything else goes through the escaper.
    open += ` ${checkName(key)}="${typeof value === 'number' ? String(value) : attrValue(key, value)}"`;
  }
  return open;
}

/**
 * Children: markup, or arrays of markup. Pass a list as an array, never spread it (`el('g', {},
 * nodes.map(f))`): a spread puts every child on the stack and overflows it on a large scenario.
 */
export type Children = (Markup | readonly Markup[])[];

const joinChildren = (children: Children): string => {
  let out = '';
  for (const child of children) out += typeof child === 'string' ? child : child.join('');
  return out;
};

/** An XML element. Attribute values are escaped; null or undefined attributes are left out. */
export function el(name: string, attrs: Readonly<Record<string, AttrValue>> = {}, ...children: Children): Markup {
  const open = openTag(name, attrs);
  // Self-closing when there are no children at all (an empty list counts as none), as before.
  if (children.every((child) => typeof child !== 'string' && child.length === 0)) return `${open}/>` as Markup;
  return `${open}>${joinChildren(children)}</${name}>` as Markup;
}

const HTML_VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'col']);

/** An HTML element: void elements have no end tag, and the others never self-close (HTML ignores `/>`). */
export function htmlEl(name: string, attrs: Readonly<Record<string, AttrValue>> = {}, ...children: Children): Markup {
  const open = openTag(name, attrs);
  if (HTML_VOID.has(name)) return `${open}>` as Markup;
  return `${open}>${joinChildren(children)}</${name}>` as Markup;
}

/** User text as character data. */
export function text(value: string): Markup {
  return xml(value) as Markup;
}

export function fragment(parts: readonly Markup[]): Markup {
  return parts.join('') as Markup;
}

/** Fixed markup written in our own source (a doctype, a processing instruction). Never pass user text. */
export function trusted(literal: string): Markup {
  return literal as Markup;
}
